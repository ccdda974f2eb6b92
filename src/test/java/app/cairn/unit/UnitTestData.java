package app.cairn.unit;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import app.cairn.rubric.RubricTestData;
import app.cairn.standards.StandardsLibrary;

/** Units for tests, built through the services as a teacher would. */
public final class UnitTestData {

    private UnitTestData() {
    }

    /** A published self-paced unit with two targets, each with one formative assessment of two options. */
    public record Built(Unit unit, RubricTestData.Standards standards) {
        public Unit.Target first() {
            return unit.targets().get(0);
        }

        public Unit.Target second() {
            return unit.targets().get(1);
        }
    }

    public static UnitDraft.OptionDraft option(String title) {
        return new UnitDraft.OptionDraft(null, title, "Do it " + title, Modality.WRITTEN,
                List.of("https://example.org/" + title.replace(' ', '-')), 30, null);
    }

    public static UnitDraft.AssessmentDraft formative(String title, UnitDraft.OptionDraft... options) {
        return new UnitDraft.AssessmentDraft(null, title, AssessmentKind.FORMATIVE, null, ChoiceRule.CHOOSE_ONE,
                List.of(options));
    }

    public static UnitDraft.TargetDraft target(long indicator, @Nullable LocalDate date,
                                               UnitDraft.AssessmentDraft... assessments) {
        return new UnitDraft.TargetDraft(null, indicator, date, List.of(assessments));
    }

    public static UnitDraft draft(Unit unit, Pacing pacing, Continuum continuum, UnitDraft.TargetDraft... targets) {
        return new UnitDraft(unit.title(), "About ecosystems", pacing, continuum, unit.revision(), List.of(targets));
    }

    /** Signed in as a teacher: makes the standards and a published unit over both indicators. */
    public static Built published(Units units, StandardsLibrary library, Pacing pacing, Continuum continuum) {
        var standards = RubricTestData.standards(library);
        Unit unit = units.create("Ecosystems");
        unit = units.save(unit.id(), draft(unit, pacing, continuum,
                target(standards.indicator(), null, formative("Check-in", option("Essay"), option("Podcast"))),
                target(standards.otherIndicator(), null, formative("Lab", option("Poster"), option("Model")))));
        unit = units.publish(unit.id(), unit.revision());
        return new Built(unit, standards);
    }
}
