package app.cairn.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

import app.cairn.proficiency.CalculationMethod;
import app.cairn.proficiency.GradeMapping;
import app.cairn.proficiency.PolicyDraft;
import app.cairn.proficiency.ProficiencyPolicies;
import app.cairn.proficiency.RollUpRule;
import app.cairn.rubric.Rubrics;
import app.cairn.shared.Viewer;
import app.cairn.standards.ItemDraft;
import app.cairn.standards.Level;
import app.cairn.standards.StandardsLibrary;
import app.cairn.testing.KaribuTest;
import app.cairn.unit.Continuum;
import app.cairn.unit.Pacing;
import app.cairn.unit.Units;

/**
 * The course facts every score needs are kept between scores, and must never be stale: each change a
 * teacher can make to what they were read from (policy, standards, units) is seen by the next score.
 */
class CourseFactsCacheIT extends KaribuTest {

    @Autowired
    CourseFactsCache cache;
    @Autowired
    Units units;
    @Autowired
    Rubrics rubrics;
    @Autowired
    StandardsLibrary library;
    @Autowired
    ProficiencyPolicies policies;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void the_facts_are_read_again_after_every_kind_of_change_and_kept_while_nothing_changes() {
        String course = newCourse();
        Viewer teacher = launchAsTeacher(course);
        EvidenceTestData.Course built = EvidenceTestData.build(units, library, rubrics, Pacing.SELF_PACED,
                Continuum.PARTICIPANT);
        long indicator = built.standards().indicator();

        CourseFactsCache.Facts first = cache.of(teacher);
        assertThat(first.labels().get(indicator)).isEqualTo("SCI.1.a Plans a fair test");
        assertThat(cache.of(teacher)).as("nothing changed: the same facts").isSameAs(first);

        policies.savePolicyOfMyCourse(new PolicyDraft(CalculationMethod.HIGHEST, 0.65, 2, RollUpRule.MINIMUM,
                GradeMapping.LINEAR, 100, Map.of(), null));
        CourseFactsCache.Facts afterPolicy = cache.of(teacher);
        assertThat(afterPolicy.policy().method()).isEqualTo(CalculationMethod.HIGHEST);

        library.updateItem(indicator, ItemDraft.of(Level.INDICATOR, "SCI.1.a", "Plans and runs a fair test"));
        assertThat(cache.of(teacher).labels().get(indicator)).isEqualTo("SCI.1.a Plans and runs a fair test");

        long moved = library.addItem(built.standards().frameworkId(), null,
                ItemDraft.of(Level.STANDARD, "SCI.2", "Communicates")).item().id();
        long newIndicator = library.addItem(built.standards().frameworkId(), moved,
                ItemDraft.of(Level.INDICATOR, "SCI.2.a", "Writes it up")).item().id();
        assertThat(cache.of(teacher).standardOf()).containsEntry(newIndicator, moved);

        CourseFactsCache.Facts beforeArchive = cache.of(teacher);
        library.archive(newIndicator);
        assertThat(cache.of(teacher)).as("an archived item is a change").isNotSameAs(beforeArchive);

        units.create("Second unit");
        assertThat(cache.of(teacher).units()).extracting(u -> u.title()).contains("Second unit");
    }
}
