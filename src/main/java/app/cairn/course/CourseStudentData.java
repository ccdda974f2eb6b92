package app.cairn.course;

import static cairn.schema.Tables.ENROLLMENT;
import static cairn.schema.Tables.PERSON;

import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import app.cairn.shared.StudentData;

/**
 * The person and their enrollment: erased last, since every other part refers to them. The person
 * row (name, e-mail) goes only when no other course of the platform still enrols them.
 */
@Component
class CourseStudentData implements StudentData {

    private final DSLContext db;

    CourseStudentData(DSLContext db) {
        this.db = db;
    }

    @Override
    public String part() {
        return "person";
    }

    @Override
    public Object export(long courseId, long studentPersonId) {
        Map<String, Object> person = new LinkedHashMap<>();
        db.select(PERSON.DISPLAY_NAME, PERSON.EMAIL, PERSON.LOCALE, ENROLLMENT.ROLE, ENROLLMENT.LMS_ROLES,
                        ENROLLMENT.CREATED_AT, ENROLLMENT.LAST_LAUNCH_AT, ENROLLMENT.LEFT_AT)
                .from(ENROLLMENT).join(PERSON).on(PERSON.ID.eq(ENROLLMENT.PERSON_ID))
                .where(ENROLLMENT.COURSE_ID.eq(courseId), ENROLLMENT.PERSON_ID.eq(studentPersonId))
                .fetchOptional().ifPresent(r -> {
                    person.put("name", r.value1());
                    person.put("email", r.value2());
                    person.put("language", r.value3());
                    person.put("role", r.value4());
                    person.put("lmsRoles", r.value5());
                    person.put("enrolledSince", r.value6() == null ? null : r.value6().toInstant(ZoneOffset.UTC));
                    person.put("lastLaunch", r.value7() == null ? null : r.value7().toInstant(ZoneOffset.UTC));
                    person.put("leftCourse", r.value8() == null ? null : r.value8().toInstant(ZoneOffset.UTC));
                });
        return person;
    }

    @Override
    public void erase(long courseId, long studentPersonId) {
        db.deleteFrom(ENROLLMENT)
                .where(ENROLLMENT.COURSE_ID.eq(courseId), ENROLLMENT.PERSON_ID.eq(studentPersonId)).execute();
        if (!db.fetchExists(ENROLLMENT, ENROLLMENT.PERSON_ID.eq(studentPersonId))) {
            db.deleteFrom(PERSON).where(PERSON.ID.eq(studentPersonId)).execute();
        }
    }

    @Override
    public int eraseOrder() {
        return Integer.MAX_VALUE;
    }
}
