package app.cairn.unit;

import static cairn.schema.Tables.LEARNING_OPTION;
import static cairn.schema.Tables.OPTION_CHOICE;
import static cairn.schema.Tables.TARGET_NOTE;
import static cairn.schema.Tables.TARGET_PROGRESS;
import static cairn.schema.Tables.UNIT;
import static cairn.schema.Tables.UNIT_ASSESSMENT;
import static cairn.schema.Tables.UNIT_PROPOSAL;
import static cairn.schema.Tables.UNIT_TARGET;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import app.cairn.shared.StudentData;

/** A student's choices, proposals, goals, reflections and gate progress in the course's units. */
@Component
class UnitStudentData implements StudentData {

    private final DSLContext db;

    UnitStudentData(DSLContext db) {
        this.db = db;
    }

    @Override
    public String part() {
        return "units";
    }

    @Override
    public Object export(long courseId, long studentPersonId) {
        Map<String, Object> units = new LinkedHashMap<>();
        units.put("choices", db.select(UNIT.TITLE, UNIT_ASSESSMENT.TITLE, LEARNING_OPTION.TITLE, OPTION_CHOICE.CHOSEN_AT)
                .from(OPTION_CHOICE).join(LEARNING_OPTION).on(LEARNING_OPTION.ID.eq(OPTION_CHOICE.OPTION_ID))
                .join(UNIT_ASSESSMENT).on(UNIT_ASSESSMENT.ID.eq(LEARNING_OPTION.ASSESSMENT_ID))
                .join(UNIT_TARGET).on(UNIT_TARGET.ID.eq(UNIT_ASSESSMENT.TARGET_ID))
                .join(UNIT).on(UNIT.ID.eq(UNIT_TARGET.UNIT_ID))
                .where(UNIT.COURSE_ID.eq(courseId), OPTION_CHOICE.STUDENT_PERSON_ID.eq(studentPersonId))
                .orderBy(OPTION_CHOICE.CHOSEN_AT)
                .fetch(r -> Map.of("unit", r.value1(), "assessment", r.value2(), "option", r.value3(),
                        "chosenAt", utc(r.value4()))));
        units.put("proposals", db.select(UNIT.TITLE, UNIT_PROPOSAL.KIND, UNIT_PROPOSAL.TITLE, UNIT_PROPOSAL.PLAN,
                        UNIT_PROPOSAL.SHOWS_INDICATOR, UNIT_PROPOSAL.STATUS, UNIT_PROPOSAL.TEACHER_COMMENT,
                        UNIT_PROPOSAL.CREATED_AT)
                .from(UNIT_PROPOSAL).join(UNIT).on(UNIT.ID.eq(UNIT_PROPOSAL.UNIT_ID))
                .where(UNIT.COURSE_ID.eq(courseId), UNIT_PROPOSAL.STUDENT_PERSON_ID.eq(studentPersonId))
                .orderBy(UNIT_PROPOSAL.CREATED_AT)
                .fetch(r -> {
                    Map<String, Object> proposal = new LinkedHashMap<>();
                    proposal.put("unit", r.value1());
                    proposal.put("kind", r.value2());
                    proposal.put("title", r.value3());
                    proposal.put("plan", r.value4());
                    proposal.put("showsIndicator", r.value5());
                    proposal.put("status", r.value6());
                    proposal.put("teacherComment", r.value7());
                    proposal.put("sentAt", utc(r.value8()));
                    return proposal;
                }));
        units.put("goalsAndReflections", db.select(UNIT.TITLE, UNIT_TARGET.POSITION, TARGET_NOTE.GOAL,
                        TARGET_NOTE.REFLECTION, TARGET_NOTE.UPDATED_AT)
                .from(TARGET_NOTE).join(UNIT_TARGET).on(UNIT_TARGET.ID.eq(TARGET_NOTE.TARGET_ID))
                .join(UNIT).on(UNIT.ID.eq(UNIT_TARGET.UNIT_ID))
                .where(UNIT.COURSE_ID.eq(courseId), TARGET_NOTE.STUDENT_PERSON_ID.eq(studentPersonId))
                .fetch(r -> {
                    Map<String, Object> note = new LinkedHashMap<>();
                    note.put("unit", r.value1());
                    note.put("target", r.value2() + 1);
                    note.put("goal", r.value3());
                    note.put("reflection", r.value4());
                    note.put("updatedAt", utc(r.value5()));
                    return note;
                }));
        units.put("gate", db.select(UNIT.TITLE, UNIT_TARGET.POSITION, TARGET_PROGRESS.PROFICIENT_AT,
                        TARGET_PROGRESS.OVERRIDDEN_AT, TARGET_PROGRESS.OVERRIDE_REASON)
                .from(TARGET_PROGRESS).join(UNIT_TARGET).on(UNIT_TARGET.ID.eq(TARGET_PROGRESS.TARGET_ID))
                .join(UNIT).on(UNIT.ID.eq(UNIT_TARGET.UNIT_ID))
                .where(UNIT.COURSE_ID.eq(courseId), TARGET_PROGRESS.STUDENT_PERSON_ID.eq(studentPersonId))
                .fetch(r -> {
                    Map<String, Object> progress = new LinkedHashMap<>();
                    progress.put("unit", r.value1());
                    progress.put("target", r.value2() + 1);
                    progress.put("proficientAt", utc(r.value3()));
                    progress.put("passedByTeacherAt", utc(r.value4()));
                    progress.put("teacherReason", r.value5());
                    return progress;
                }));
        return units;
    }

    @Override
    public void erase(long courseId, long studentPersonId) {
        var unitsOfCourse = db.select(UNIT.ID).from(UNIT).where(UNIT.COURSE_ID.eq(courseId));
        var targetsOfCourse = db.select(UNIT_TARGET.ID).from(UNIT_TARGET).where(UNIT_TARGET.UNIT_ID.in(unitsOfCourse));
        var optionsOfCourse = db.select(LEARNING_OPTION.ID).from(LEARNING_OPTION)
                .join(UNIT_ASSESSMENT).on(UNIT_ASSESSMENT.ID.eq(LEARNING_OPTION.ASSESSMENT_ID))
                .where(UNIT_ASSESSMENT.TARGET_ID.in(targetsOfCourse));
        db.deleteFrom(OPTION_CHOICE).where(OPTION_CHOICE.STUDENT_PERSON_ID.eq(studentPersonId),
                OPTION_CHOICE.OPTION_ID.in(optionsOfCourse)).execute();
        // Proposal targets go with their proposal (ON DELETE CASCADE).
        db.deleteFrom(UNIT_PROPOSAL).where(UNIT_PROPOSAL.STUDENT_PERSON_ID.eq(studentPersonId),
                UNIT_PROPOSAL.UNIT_ID.in(unitsOfCourse)).execute();
        db.deleteFrom(TARGET_NOTE).where(TARGET_NOTE.STUDENT_PERSON_ID.eq(studentPersonId),
                TARGET_NOTE.TARGET_ID.in(targetsOfCourse)).execute();
        db.deleteFrom(TARGET_PROGRESS).where(TARGET_PROGRESS.STUDENT_PERSON_ID.eq(studentPersonId),
                TARGET_PROGRESS.TARGET_ID.in(targetsOfCourse)).execute();
    }

    private static @Nullable Instant utc(@Nullable LocalDateTime time) {
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }
}
