package app.cairn.unit;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import app.cairn.unit.UnitProblem.Field;

/** The rules a unit draft must keep; every problem is collected so the builder shows them all. */
final class UnitRules {

    static final int MAX_TITLE = 300;
    static final int MAX_TEXT = 5000;
    static final int MAX_MINUTES = 100_000;

    private UnitRules() {
    }

    static List<UnitProblem> check(UnitDraft draft, boolean published, Set<Long> indicators, Set<Long> rubrics) {
        List<UnitProblem> problems = new ArrayList<>();
        String title = strip(draft.title());
        if (title.isEmpty()) {
            problems.add(UnitProblem.of("unit.error.title-blank", Field.TITLE));
        } else if (title.length() > MAX_TITLE) {
            problems.add(UnitProblem.of("unit.error.title-long", Field.TITLE));
        }
        if (strip(draft.description()).length() > MAX_TEXT) {
            problems.add(UnitProblem.of("unit.error.text-long", Field.DESCRIPTION));
        }
        if (published && draft.targets().isEmpty()) {
            problems.add(UnitProblem.of("unit.error.no-targets", Field.TARGETS));
        }
        for (int t = 0; t < draft.targets().size(); t++) {
            UnitDraft.TargetDraft target = draft.targets().get(t);
            if (!indicators.contains(target.indicatorId())) {
                problems.add(new UnitProblem("unit.error.indicator", Field.INDICATOR, t, null, null));
            }
            for (int a = 0; a < target.assessments().size(); a++) {
                checkAssessment(target.assessments().get(a), t, a, rubrics, problems);
            }
        }
        return problems;
    }

    private static void checkAssessment(UnitDraft.AssessmentDraft assessment, int t, int a, Set<Long> rubrics,
                                        List<UnitProblem> problems) {
        String title = strip(assessment.title());
        if (title.isEmpty() || title.length() > MAX_TITLE) {
            problems.add(new UnitProblem(title.isEmpty() ? "unit.error.assessment-title" : "unit.error.title-long",
                    Field.ASSESSMENT_TITLE, t, a, null));
        }
        if (assessment.kind() == AssessmentKind.SUMMATIVE && assessment.rubricId() == null) {
            problems.add(new UnitProblem("unit.error.rubric-required", Field.RUBRIC, t, a, null));
        } else if (assessment.rubricId() != null && !rubrics.contains(assessment.rubricId())) {
            problems.add(new UnitProblem("unit.error.rubric-unknown", Field.RUBRIC, t, a, null));
        }
        if (assessment.options().isEmpty()) {
            problems.add(new UnitProblem("unit.error.menu-empty", Field.MENU, t, a, null));
        }
        for (int o = 0; o < assessment.options().size(); o++) {
            UnitDraft.OptionDraft option = assessment.options().get(o);
            String optionTitle = strip(option.title());
            if (optionTitle.isEmpty() || optionTitle.length() > MAX_TITLE) {
                problems.add(new UnitProblem(optionTitle.isEmpty() ? "unit.error.option-title" : "unit.error.title-long",
                        Field.OPTION_TITLE, t, a, o));
            }
            if (strip(option.description()).length() > MAX_TEXT) {
                problems.add(new UnitProblem("unit.error.text-long", Field.OPTION_TEXT, t, a, o));
            }
            if (option.links().stream().map(UnitRules::strip).filter(link -> !link.isEmpty())
                    .anyMatch(link -> !isWebLink(link))) {
                problems.add(new UnitProblem("unit.error.link", Field.OPTION_LINKS, t, a, o));
            }
            Integer minutes = option.estimatedMinutes();
            if (minutes != null && (minutes < 1 || minutes > MAX_MINUTES)) {
                problems.add(new UnitProblem("unit.error.minutes", Field.OPTION_MINUTES, t, a, o));
            }
            String mentor = strip(option.mentorOrSite());
            if (option.modality() == Modality.WORK_BASED && mentor.isEmpty()) {
                problems.add(new UnitProblem("unit.error.mentor-required", Field.OPTION_MENTOR, t, a, o));
            } else if (mentor.length() > MAX_TITLE) {
                problems.add(new UnitProblem("unit.error.title-long", Field.OPTION_MENTOR, t, a, o));
            }
        }
    }

    /** Only http(s) addresses with a host: no javascript:, data: or file: links reach a student's page. */
    static boolean isWebLink(String link) {
        try {
            URI uri = new URI(link);
            String scheme = uri.getScheme();
            return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    static String strip(@Nullable String text) {
        return text == null ? "" : text.strip();
    }

    static @Nullable String blankToNull(@Nullable String text) {
        String clean = strip(text);
        return clean.isEmpty() ? null : clean;
    }
}
