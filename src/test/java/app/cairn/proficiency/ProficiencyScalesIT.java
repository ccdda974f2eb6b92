package app.cairn.proficiency;

import static cairn.schema.Tables.PROFICIENCY_LEVEL;
import static cairn.schema.Tables.PROFICIENCY_SCALE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import app.cairn.shared.Viewer;
import app.cairn.testing.KaribuTest;

/** The scale service on the real MariaDB, signed in the way a launch signs in. */
class ProficiencyScalesIT extends KaribuTest {

    @Autowired
    ProficiencyScales scales;
    @Autowired
    DSLContext db;

    @Test
    void platform_default_is_the_four_level_scale_and_is_created_once_per_platform() {
        Viewer first = launchAsTeacher(newCourse());
        ScaleView a = scales.scaleOfMyCourse();
        launchAsStudent(newCourse());
        ScaleView b = scales.scaleOfMyCourse();

        assertThat(b.id()).isEqualTo(a.id());
        assertThat(a.courseOwn()).isFalse();
        assertThat(a.levels()).extracting(LevelView::label)
                .containsExactly("Beginning", "Developing", "Proficient", "Exceeding");
        assertThat(a.levels()).extracting(level -> level.points().intValue()).containsExactly(1, 2, 3, 4);
        assertThat(a.levels()).filteredOn(LevelView::mastery).extracting(LevelView::label).containsExactly("Proficient");
        assertThat(a.levels()).allSatisfy(level -> {
            assertThat(ScaleColours.contrast(level.colour(), "#ffffff")).isGreaterThanOrEqualTo(3.0);
            assertThat(ScaleColours.contrast(level.colour(), level.textColour())).isGreaterThanOrEqualTo(4.5);
        });
        assertThat(db.fetchCount(PROFICIENCY_SCALE, PROFICIENCY_SCALE.PLATFORM_ID.eq(first.platformId()),
                PROFICIENCY_SCALE.COURSE_ID.isNull())).isEqualTo(1);
    }

    @Test
    void teacher_saves_the_course_scale_and_gets_it_back_on_reload() {
        launchAsTeacher(newCourse());
        ScaleDraft draft = edit(scales.scaleOfMyCourse().toDraft(), levels -> {
            levels.set(0, withLabel(levels.get(0), "Emerging"));
            levels.add(new LevelDraft(new BigDecimal("5.5"), "Expert", "Teaches others", "#4a148c", false));
            return levels;
        });

        ScaleView saved = scales.saveScaleOfMyCourse(draft);
        ScaleView reloaded = scales.scaleOfMyCourse();

        assertThat(reloaded).isEqualTo(saved);
        assertThat(reloaded.courseOwn()).isTrue();
        assertThat(reloaded.revision()).isEqualTo(1);
        assertThat(reloaded.levels()).extracting(LevelView::label)
                .containsExactly("Emerging", "Developing", "Proficient", "Exceeding", "Expert");
        assertThat(reloaded.levels().get(4).points()).isEqualByComparingTo("5.5");

        ScaleView again = scales.saveScaleOfMyCourse(edit(reloaded.toDraft(), levels -> levels.subList(0, 3)));
        assertThat(again.revision()).isEqualTo(2);
        assertThat(again.levels()).hasSize(3);
    }

    @Test
    void blank_labels_are_refused_and_nothing_is_saved() {
        expectRefused(levels -> {
            levels.set(1, withLabel(levels.get(1), "  "));
            return levels;
        }, "scale.error.label-blank", ScaleProblem.Field.LABEL, 1);
    }

    @Test
    void duplicate_labels_are_refused_and_nothing_is_saved() {
        expectRefused(levels -> {
            levels.set(3, withLabel(levels.get(3), "proficient"));
            return levels;
        }, "scale.error.label-duplicate", ScaleProblem.Field.LABEL, 3);
    }

    @Test
    void levels_out_of_order_are_refused_and_nothing_is_saved() {
        expectRefused(levels -> {
            LevelDraft second = levels.get(1);
            levels.set(1, new LevelDraft(new BigDecimal("0.5"), second.label(), second.description(), second.colour(),
                    second.mastery()));
            return levels;
        }, "scale.error.points-order", ScaleProblem.Field.POINTS, 1);
    }

    @Test
    void two_mastery_levels_are_refused_and_nothing_is_saved() {
        expectRefused(levels -> {
            LevelDraft top = levels.get(3);
            levels.set(3, new LevelDraft(top.points(), top.label(), top.description(), top.colour(), true));
            return levels;
        }, "scale.error.several-mastery", ScaleProblem.Field.MASTERY, 3);
    }

    @Test
    void no_mastery_level_is_refused() {
        expectRefused(levels -> {
            LevelDraft proficient = levels.get(2);
            levels.set(2, new LevelDraft(proficient.points(), proficient.label(), proficient.description(),
                    proficient.colour(), false));
            return levels;
        }, "scale.error.no-mastery", ScaleProblem.Field.MASTERY, null);
    }

    @Test
    void a_single_level_is_refused() {
        expectRefused(levels -> levels.subList(2, 3), "scale.error.too-few-levels", ScaleProblem.Field.LEVELS, null);
    }

    @Test
    void colours_that_are_not_hex_or_too_light_on_white_are_refused() {
        expectRefused(levels -> {
            levels.set(0, withColour(levels.get(0), "red"));
            return levels;
        }, "scale.error.colour-format", ScaleProblem.Field.COLOUR, 0);
        expectRefused(levels -> {
            levels.set(1, withColour(levels.get(1), "#ffeb3b"));
            return levels;
        }, "scale.error.colour-contrast", ScaleProblem.Field.COLOUR, 1);
    }

    @Test
    void a_refused_update_leaves_the_saved_scale_as_it_was() {
        launchAsTeacher(newCourse());
        ScaleView saved = scales.saveScaleOfMyCourse(scales.scaleOfMyCourse().toDraft());
        ScaleDraft broken = edit(saved.toDraft(), levels -> {
            levels.set(0, withLabel(levels.get(0), "Changed"));
            levels.set(1, withLabel(levels.get(1), ""));
            return levels;
        });

        assertThatThrownBy(() -> scales.saveScaleOfMyCourse(broken)).isInstanceOf(ScaleRejectedException.class);

        assertThat(scales.scaleOfMyCourse()).isEqualTo(saved);
    }

    @Test
    void the_second_of_two_teachers_saving_the_same_revision_is_told_and_nothing_is_overwritten() {
        String course = newCourse();
        launchAsTeacher(course);
        ScaleView opened = scales.saveScaleOfMyCourse(scales.scaleOfMyCourse().toDraft());
        ScaleDraft first = edit(opened.toDraft(), levels -> {
            levels.set(0, withLabel(levels.get(0), "First teacher's label"));
            return levels;
        });
        ScaleDraft second = edit(opened.toDraft(), levels -> {
            levels.set(0, withLabel(levels.get(0), "Second teacher's label"));
            return levels;
        });

        scales.saveScaleOfMyCourse(first);
        launchAsTeacher(course);
        assertThatThrownBy(() -> scales.saveScaleOfMyCourse(second)).isInstanceOf(ScaleConflictException.class);

        assertThat(scales.scaleOfMyCourse().levels().get(0).label()).isEqualTo("First teacher's label");
    }

    @Test
    void two_teachers_creating_the_course_scale_from_the_default_are_a_conflict_too() {
        String course = newCourse();
        launchAsTeacher(course);
        ScaleDraft fromDefault = scales.scaleOfMyCourse().toDraft();
        scales.saveScaleOfMyCourse(fromDefault);
        launchAsTeacher(course);

        assertThatThrownBy(() -> scales.saveScaleOfMyCourse(fromDefault)).isInstanceOf(ScaleConflictException.class);
    }

    @Test
    void a_student_cannot_save_or_reset_the_scale() {
        launchAsStudent(newCourse());
        ScaleDraft draft = scales.scaleOfMyCourse().toDraft();
        int scalesBefore = db.fetchCount(PROFICIENCY_SCALE);

        assertThatThrownBy(() -> scales.saveScaleOfMyCourse(draft)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> scales.useDefaultScaleInMyCourse()).isInstanceOf(AccessDeniedException.class);
        assertThat(db.fetchCount(PROFICIENCY_SCALE)).isEqualTo(scalesBefore);
    }

    @Test
    void nobody_without_a_launch_can_read_a_scale() {
        openWithoutLaunch();

        assertThatThrownBy(() -> scales.scaleOfMyCourse()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void one_course_saving_its_scale_does_not_touch_another_courses_scale() {
        String courseA = newCourse();
        String courseB = newCourse();
        launchAsTeacher(courseB);
        ScaleView bBefore = scales.saveScaleOfMyCourse(edit(scales.scaleOfMyCourse().toDraft(), levels -> {
            levels.set(0, withLabel(levels.get(0), "Course B's own"));
            return levels;
        }));

        launchAsTeacher(courseA);
        // Even a draft claiming B's revision only ever reaches A's own scale.
        ScaleView a = scales.saveScaleOfMyCourse(edit(scales.scaleOfMyCourse().toDraft(), levels -> {
            levels.set(0, withLabel(levels.get(0), "Course A's own"));
            return levels;
        }));
        scales.useDefaultScaleInMyCourse();

        launchAsTeacher(courseB);
        assertThat(a.id()).isNotEqualTo(bBefore.id());
        assertThat(scales.scaleOfMyCourse()).isEqualTo(bBefore);
    }

    @Test
    void using_the_default_again_drops_the_course_scale() {
        launchAsTeacher(newCourse());
        ScaleView own = scales.saveScaleOfMyCourse(scales.scaleOfMyCourse().toDraft());

        scales.useDefaultScaleInMyCourse();

        ScaleView now = scales.scaleOfMyCourse();
        assertThat(now.courseOwn()).isFalse();
        assertThat(db.fetchCount(PROFICIENCY_LEVEL, PROFICIENCY_LEVEL.SCALE_ID.eq(own.id()))).isZero();
    }

    @Test
    void swatch_text_is_black_or_white_whichever_reads_better() {
        assertThat(ScaleColours.textColourOn("#1565c0")).isEqualTo("#ffffff");
        assertThat(ScaleColours.textColourOn("#ffeb3b")).isEqualTo("#000000");
        assertThat(ScaleColours.contrast("#000000", "#ffffff")).isEqualTo(21.0, org.assertj.core.data.Offset.offset(0.01));
    }

    private void expectRefused(UnaryOperator<List<LevelDraft>> change, String key, ScaleProblem.Field field,
                               Integer level) {
        launchAsTeacher(newCourse());
        ScaleDraft draft = edit(scales.scaleOfMyCourse().toDraft(), change);
        int scalesBefore = db.fetchCount(PROFICIENCY_SCALE);
        int levelsBefore = db.fetchCount(PROFICIENCY_LEVEL);

        assertThatThrownBy(() -> scales.saveScaleOfMyCourse(draft))
                .isInstanceOfSatisfying(ScaleRejectedException.class, e -> assertThat(e.problems())
                        .contains(new ScaleProblem(key, field, level)));

        assertThat(db.fetchCount(PROFICIENCY_SCALE)).isEqualTo(scalesBefore);
        assertThat(db.fetchCount(PROFICIENCY_LEVEL)).isEqualTo(levelsBefore);
        assertThat(scales.scaleOfMyCourse().courseOwn()).isFalse();
    }

    private static ScaleDraft edit(ScaleDraft draft, UnaryOperator<List<LevelDraft>> change) {
        return new ScaleDraft(draft.name(), draft.baseRevision(), change.apply(new ArrayList<>(draft.levels())));
    }

    private static LevelDraft withLabel(LevelDraft level, String label) {
        return new LevelDraft(level.points(), label, level.description(), level.colour(), level.mastery());
    }

    private static LevelDraft withColour(LevelDraft level, String colour) {
        return new LevelDraft(level.points(), level.label(), level.description(), colour, level.mastery());
    }
}
