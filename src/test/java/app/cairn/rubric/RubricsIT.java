package app.cairn.rubric;

import static app.cairn.rubric.RubricTestData.criterion;
import static app.cairn.rubric.RubricTestData.draft;
import static cairn.schema.Tables.RUBRIC;
import static cairn.schema.Tables.RUBRIC_CELL;
import static cairn.schema.Tables.RUBRIC_CRITERION;
import static cairn.schema.Tables.RUBRIC_EXEMPLAR;
import static cairn.schema.Tables.RUBRIC_VERSION;
import static cairn.schema.Tables.RUBRIC_VERSION_LEVEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import app.cairn.rubric.RubricProblem.Field;
import app.cairn.shared.Role;
import app.cairn.standards.StandardsLibrary;
import app.cairn.testing.KaribuTest;
import app.cairn.testing.TestLaunch;

/** The rubric service on the real MariaDB, signed in the way a launch signs in. */
class RubricsIT extends KaribuTest {

    @Autowired
    Rubrics rubrics;
    @Autowired
    StandardsLibrary library;
    @Autowired
    DSLContext db;

    @Test
    void a_new_rubric_is_version_1_on_the_levels_of_the_course_scale() {
        launchAsTeacher(newCourse());

        Rubric rubric = rubrics.create("  Lab report  ");

        assertThat(rubric.title()).isEqualTo("Lab report");
        assertThat(rubric.editable()).isTrue();
        assertThat(rubric.current().number()).isEqualTo(1);
        assertThat(rubric.current().inUse()).isFalse();
        assertThat(rubric.current().criteria()).isEmpty();
        assertThat(rubric.current().levels()).extracting(RubricVersion.Level::label)
                .containsExactly("Beginning", "Developing", "Proficient", "Exceeding");
    }

    @Test
    void saving_a_version_not_used_for_scores_changes_it_in_place() {
        launchAsTeacher(newCourse());
        var standards = RubricTestData.standards(library);
        Rubric created = rubrics.create("Lab report");

        Rubric first = rubrics.save(created.id(), new RubricDraft("Lab report", created.revision(),
                List.of(new RubricDraft.Criterion("Fair test", standards.indicator(), "Controls variables",
                        List.of("a", "b", "c", "d"), List.of(Exemplar.link("https://example.org/lab", "Sam's lab")))),
                List.of(Exemplar.text("A model report"))));
        Rubric second = rubrics.save(created.id(), draft(first, criterion("Conclusions", standards.otherIndicator(), 4, "new")));

        assertThat(second.current().id()).isEqualTo(created.current().id());
        assertThat(second.current().number()).isEqualTo(1);
        assertThat(second.revision()).isEqualTo(created.revision() + 2);
        assertThat(first.current().criteria().getFirst().exemplars())
                .containsExactly(new Exemplar(Exemplar.Kind.LINK, "Sam's lab", "https://example.org/lab"));
        assertThat(first.current().exemplars()).containsExactly(Exemplar.text("A model report"));
        assertThat(first.current().criteria().getFirst().indicatorCode()).isEqualTo("SCI.1.a");
        assertThat(second.current().criteria()).singleElement().satisfies(c -> {
            assertThat(c.title()).isEqualTo("Conclusions");
            assertThat(c.indicatorStatement()).isEqualTo("Draws conclusions from data");
            assertThat(c.descriptors()).containsExactly("new at level 1", "new at level 2", "new at level 3",
                    "new at level 4");
        });
        assertThat(db.fetchCount(RUBRIC_VERSION, RUBRIC_VERSION.RUBRIC_ID.eq(created.id()))).isEqualTo(1);
        assertThat(db.fetchCount(RUBRIC_CRITERION, RUBRIC_CRITERION.VERSION_ID.eq(created.current().id()))).isEqualTo(1);
        assertThat(db.fetchCount(RUBRIC_EXEMPLAR, RUBRIC_EXEMPLAR.VERSION_ID.eq(created.current().id()))).isZero();
    }

    @Test
    void saving_a_version_used_for_scores_makes_version_2_and_version_1_keeps_its_cells() {
        launchAsTeacher(newCourse());
        var standards = RubricTestData.standards(library);
        Rubric created = rubrics.create("Lab report");
        Rubric v1 = rubrics.save(created.id(), draft(created, criterion("Fair test", standards.indicator(), 4, "old")));

        rubrics.markVersionUsed(v1.current().id());
        Rubric used = rubrics.rubric(created.id());
        Rubric v2 = rubrics.save(created.id(), draft(used, criterion("Fair test", standards.indicator(), 4, "new"),
                criterion("Conclusions", standards.otherIndicator(), 4, "added")));

        assertThat(used.current().inUse()).isTrue();
        assertThat(v2.current().number()).isEqualTo(2);
        assertThat(v2.current().inUse()).isFalse();
        assertThat(v2.current().id()).isNotEqualTo(v1.current().id());
        assertThat(v2.current().levels()).isEqualTo(v1.current().levels());
        assertThat(v2.current().criteria()).hasSize(2);
        RubricVersion kept = rubrics.version(v1.current().id());
        assertThat(kept).isEqualTo(used.current());
        assertThat(kept.criteria()).singleElement().satisfies(c -> assertThat(c.descriptors())
                .containsExactly("old at level 1", "old at level 2", "old at level 3", "old at level 4"));

        // Version 2 is not used yet, so the next save changes it in place.
        Rubric again = rubrics.save(created.id(), draft(v2, criterion("Fair test", standards.indicator(), 4, "newer")));
        assertThat(again.current().id()).isEqualTo(v2.current().id());
        assertThat(db.fetchCount(RUBRIC_VERSION, RUBRIC_VERSION.RUBRIC_ID.eq(created.id()))).isEqualTo(2);
    }

    @Test
    void the_second_of_two_teachers_saving_the_same_revision_is_told_and_nothing_is_overwritten() {
        String course = newCourse();
        launchAsTeacher(course);
        var standards = RubricTestData.standards(library);
        Rubric opened = rubrics.create("Lab report");
        RubricDraft first = draft(opened, criterion("First teacher's", standards.indicator(), 4, "first"));
        RubricDraft second = draft(opened, criterion("Second teacher's", standards.indicator(), 4, "second"));

        rubrics.save(opened.id(), first);
        launchAsTeacher(course);
        Rubric afterFirst = rubrics.rubric(opened.id());
        int rowsBefore = rubricRows();

        assertThatThrownBy(() -> rubrics.save(opened.id(), second)).isInstanceOf(RubricConflictException.class);

        assertThat(rubrics.rubric(opened.id())).isEqualTo(afterFirst);
        assertThat(afterFirst.current().criteria().getFirst().title()).isEqualTo("First teacher's");
        assertThat(rubricRows()).isEqualTo(rowsBefore);
    }

    @Test
    void a_blank_title_is_refused() {
        expectRefused(d -> new RubricDraft("  ", d.baseRevision(), d.criteria(), d.exemplars()),
                new RubricProblem("rubric.error.title-blank", Field.TITLE, null, null));
        assertThatThrownBy(() -> rubrics.create(" ")).isInstanceOf(RubricRejectedException.class);
    }

    @Test
    void a_rubric_without_criteria_is_refused() {
        expectRefused(d -> new RubricDraft(d.title(), d.baseRevision(), List.of(), d.exemplars()),
                new RubricProblem("rubric.error.no-criteria", Field.CRITERIA, null, null));
    }

    @Test
    void a_criterion_without_a_title_is_refused() {
        expectRefused(d -> withCriterion(d, 1, c -> new RubricDraft.Criterion(" ", c.indicatorId(), null,
                c.descriptors(), List.of())), new RubricProblem("rubric.error.criterion-title-blank",
                Field.CRITERION_TITLE, 1, null));
    }

    @Test
    void a_criterion_without_an_indicator_is_refused() {
        expectRefused(d -> withCriterion(d, 0, c -> new RubricDraft.Criterion(c.title(), null, null,
                c.descriptors(), List.of())), new RubricProblem("rubric.error.no-indicator", Field.INDICATOR, 0, null));
    }

    @Test
    void a_criterion_aligned_to_a_standard_rather_than_an_indicator_is_refused() {
        launchAsTeacher(newCourse());
        var standards = RubricTestData.standards(library);
        Rubric rubric = rubrics.create("Lab report");
        RubricDraft draft = draft(rubric, criterion("Fair test", standards.standardId(), 4, "x"));

        assertThatThrownBy(() -> rubrics.save(rubric.id(), draft)).isInstanceOfSatisfying(RubricRejectedException.class,
                e -> assertThat(e.problems()).containsExactly(
                        new RubricProblem("rubric.error.indicator-unknown", Field.INDICATOR, 0, null)));
    }

    @Test
    void an_indicator_of_another_courses_private_framework_is_refused() {
        launchAsTeacher(newCourse());
        long elsewhere = RubricTestData.standards(library).indicator();
        launchAsTeacher(newCourse());
        RubricTestData.standards(library);
        Rubric rubric = rubrics.create("Lab report");

        assertThatThrownBy(() -> rubrics.save(rubric.id(), draft(rubric, criterion("Fair test", elsewhere, 4, "x"))))
                .isInstanceOfSatisfying(RubricRejectedException.class, e -> assertThat(e.problems()).containsExactly(
                        new RubricProblem("rubric.error.indicator-unknown", Field.INDICATOR, 0, null)));
    }

    @Test
    void a_blank_descriptor_is_refused() {
        expectRefused(d -> withCriterion(d, 1, c -> {
            List<String> descriptors = new ArrayList<>(c.descriptors());
            descriptors.set(2, "");
            return new RubricDraft.Criterion(c.title(), c.indicatorId(), null, descriptors, List.of());
        }), new RubricProblem("rubric.error.descriptor-blank", Field.DESCRIPTOR, 1, 2));
    }

    @Test
    void a_link_exemplar_that_is_not_a_web_address_is_refused() {
        expectRefused(d -> withCriterion(d, 0, c -> new RubricDraft.Criterion(c.title(), c.indicatorId(), null,
                c.descriptors(), List.of(Exemplar.text("fine"), Exemplar.link("javascript:alert(1)", null)))),
                new RubricProblem("rubric.error.exemplar-link", Field.EXEMPLAR, 0, 1));
        expectRefused(d -> new RubricDraft(d.title(), d.baseRevision(), d.criteria(), List.of(Exemplar.text(" "))),
                new RubricProblem("rubric.error.exemplar-blank", Field.EXEMPLAR, null, 0));
    }

    @Test
    void a_copy_is_a_new_rubric_of_the_course_with_the_same_content() {
        launchAsTeacher(newCourse());
        var standards = RubricTestData.standards(library);
        Rubric created = rubrics.create("Lab report");
        Rubric original = rubrics.save(created.id(), draft(created, criterion("Fair test", standards.indicator(), 4, "x")));
        rubrics.markVersionUsed(original.current().id());

        Rubric copy = rubrics.copy(original.id(), "Lab report (copy)");

        assertThat(copy.id()).isNotEqualTo(original.id());
        assertThat(copy.editable()).isTrue();
        assertThat(copy.shared()).isFalse();
        assertThat(copy.current().number()).isEqualTo(1);
        assertThat(copy.current().inUse()).isFalse();
        assertThat(copy.current().levels()).isEqualTo(original.current().levels());
        assertThat(copy.current().criteria()).singleElement()
                .satisfies(c -> assertThat(c.descriptors()).isEqualTo(original.current().criteria().getFirst().descriptors()));
        assertThat(rubrics.library()).filteredOn(summary -> !summary.shared()).extracting(RubricSummary::title)
                .containsExactly("Lab report", "Lab report (copy)");
    }

    @Test
    void a_rubric_shared_to_the_platform_is_read_only_in_every_course_of_it_and_unseen_elsewhere() {
        launchAsTeacher(newCourse());
        var standards = RubricTestData.standards(library);
        Rubric created = rubrics.create("Shared lab report");
        Rubric own = rubrics.save(created.id(), draft(created, criterion("Fair test", standards.indicator(), 4, "x")));
        Rubric shared = rubrics.shareToPlatform(own.id());
        assertThat(shared.shared()).isTrue();
        assertThat(shared.editable()).isFalse();
        assertThat(rubrics.rubric(own.id()).editable()).as("the course keeps its own").isTrue();

        launchAsTeacher(newCourse());
        assertThat(rubrics.library()).filteredOn(RubricSummary::shared).extracting(RubricSummary::id).contains(shared.id());
        Rubric seen = rubrics.rubric(shared.id());
        assertThat(seen.editable()).isFalse();
        assertThat(seen.current().criteria().getFirst().indicatorStatement()).isEqualTo("Plans a fair test");
        int rowsBefore = rubricRows();
        assertThatThrownBy(() -> rubrics.save(shared.id(), seen.toDraft())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> rubrics.archive(shared.id())).isInstanceOf(AccessDeniedException.class);
        assertThat(rubricRows()).isEqualTo(rowsBefore);
        assertThat(rubrics.copy(shared.id(), "Mine now").editable()).isTrue();

        new TestLaunch(courses, platforms).as(Role.TEACHER, "https://other-lms.example", newCourse());
        assertThat(rubrics.library()).extracting(RubricSummary::id).doesNotContain(shared.id(), own.id());
        assertThatThrownBy(() -> rubrics.rubric(shared.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> rubrics.copy(shared.id(), "Taken")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_student_reads_the_course_rubrics_but_cannot_change_them() {
        String course = newCourse();
        launchAsTeacher(course);
        var standards = RubricTestData.standards(library);
        Rubric created = rubrics.create("Lab report");
        Rubric saved = rubrics.save(created.id(), draft(created, criterion("Fair test", standards.indicator(), 4, "x")));

        launchAsStudent(course);
        Rubric seen = rubrics.rubric(saved.id());
        int rowsBefore = rubricRows();

        assertThat(seen.editable()).isFalse();
        assertThat(seen.current()).isEqualTo(saved.current());
        assertThatThrownBy(() -> rubrics.save(saved.id(), seen.toDraft())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> rubrics.create("Mine")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> rubrics.copy(saved.id(), "Mine")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> rubrics.shareToPlatform(saved.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> rubrics.archive(saved.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> rubrics.markVersionUsed(saved.current().id())).isInstanceOf(AccessDeniedException.class);
        assertThat(rubricRows()).isEqualTo(rowsBefore);
        assertThat(rubrics.rubric(saved.id())).isEqualTo(seen);
    }

    @Test
    void another_course_cannot_read_or_touch_a_private_rubric_by_id() {
        launchAsTeacher(newCourse());
        var standards = RubricTestData.standards(library);
        Rubric created = rubrics.create("Course A's");
        Rubric saved = rubrics.save(created.id(), draft(created, criterion("Fair test", standards.indicator(), 4, "x")));

        launchAsTeacher(newCourse());
        int rowsBefore = rubricRows();

        assertThat(rubrics.library()).extracting(RubricSummary::id).doesNotContain(saved.id());
        assertThatThrownBy(() -> rubrics.rubric(saved.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> rubrics.version(saved.current().id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> rubrics.save(saved.id(), saved.toDraft())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> rubrics.copy(saved.id(), "Taken")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> rubrics.shareToPlatform(saved.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> rubrics.archive(saved.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> rubrics.markVersionUsed(saved.current().id())).isInstanceOf(AccessDeniedException.class);
        assertThat(rubricRows()).isEqualTo(rowsBefore);
    }

    @Test
    void an_archived_rubric_leaves_the_library_but_stays_readable_for_its_scores() {
        launchAsTeacher(newCourse());
        Rubric rubric = rubrics.create("Old rubric");

        rubrics.archive(rubric.id());

        assertThat(rubrics.library()).extracting(RubricSummary::id).doesNotContain(rubric.id());
        assertThat(rubrics.rubric(rubric.id()).archived()).isTrue();
    }

    @Test
    void an_empty_rubric_cannot_be_shared() {
        launchAsTeacher(newCourse());
        Rubric rubric = rubrics.create("Empty");

        assertThatThrownBy(() -> rubrics.shareToPlatform(rubric.id())).isInstanceOf(RubricRejectedException.class);
    }

    /** A valid two-criterion draft in a fresh course, changed by {@code change}, must be refused with {@code expected}. */
    private void expectRefused(UnaryOperator<RubricDraft> change, RubricProblem expected) {
        launchAsTeacher(newCourse());
        var standards = RubricTestData.standards(library);
        Rubric created = rubrics.create("Lab report");
        Rubric saved = rubrics.save(created.id(), draft(created, criterion("Fair test", standards.indicator(), 4, "a"),
                criterion("Conclusions", standards.otherIndicator(), 4, "b")));
        RubricDraft broken = change.apply(saved.toDraft());
        int rowsBefore = rubricRows();

        assertThatThrownBy(() -> rubrics.save(saved.id(), broken)).isInstanceOfSatisfying(RubricRejectedException.class,
                e -> assertThat(e.problems()).containsExactly(expected));

        assertThat(rubricRows()).isEqualTo(rowsBefore);
        assertThat(rubrics.rubric(saved.id())).isEqualTo(saved);
    }

    private static RubricDraft withCriterion(RubricDraft draft, int row, UnaryOperator<RubricDraft.Criterion> change) {
        List<RubricDraft.Criterion> criteria = new ArrayList<>(draft.criteria());
        criteria.set(row, change.apply(criteria.get(row)));
        return new RubricDraft(draft.title(), draft.baseRevision(), criteria, draft.exemplars());
    }

    private int rubricRows() {
        return db.fetchCount(RUBRIC) + db.fetchCount(RUBRIC_VERSION) + db.fetchCount(RUBRIC_VERSION_LEVEL)
                + db.fetchCount(RUBRIC_CRITERION) + db.fetchCount(RUBRIC_CELL) + db.fetchCount(RUBRIC_EXEMPLAR);
    }
}
