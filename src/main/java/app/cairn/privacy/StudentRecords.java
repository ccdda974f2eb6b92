package app.cairn.privacy;

import static cairn.schema.Tables.COURSE;
import static cairn.schema.Tables.ENROLLMENT;
import static cairn.schema.Tables.PERSON;

import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.cairn.shared.CurrentViewer;
import app.cairn.shared.Role;
import app.cairn.shared.StudentData;
import app.cairn.shared.Viewer;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A student's data in one course, gathered from every feature for an export or erased from all of
 * them at once. Teachers act for students of their course; a student may export their own.
 */
@Service
public class StudentRecords {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final DSLContext db;
    private final Clock clock;
    private final CurrentViewer currentViewer;
    private final List<StudentData> parts;
    private final AuditTrail audit;

    StudentRecords(DSLContext db, Clock clock, CurrentViewer currentViewer, List<StudentData> parts, AuditTrail audit) {
        this.db = db;
        this.clock = clock;
        this.currentViewer = currentViewer;
        this.parts = parts.stream().sorted(Comparator.comparingInt(StudentData::eraseOrder)).toList();
        this.audit = audit;
    }

    /** Teachers only: the students of their course, including those who left, by name. */
    public List<StudentSummary> studentsOfMyCourse() {
        Viewer viewer = currentViewer.requireTeacher();
        return db.select(PERSON.ID, PERSON.DISPLAY_NAME, ENROLLMENT.LEFT_AT)
                .from(ENROLLMENT).join(PERSON).on(PERSON.ID.eq(ENROLLMENT.PERSON_ID))
                .where(ENROLLMENT.COURSE_ID.eq(viewer.courseId()), ENROLLMENT.ROLE.eq(Role.STUDENT.name()))
                .orderBy(PERSON.DISPLAY_NAME.asc().nullsLast(), PERSON.ID)
                .fetch(r -> new StudentSummary(r.value1(), r.value2(), r.value3() != null));
    }

    /**
     * Everything Cairn keeps about the student in this course, as a JSON document: the student
     * themselves, or a teacher of the course.
     */
    @Transactional(readOnly = true)
    public byte[] exportJson(long studentPersonId) {
        Viewer viewer = currentViewer.require();
        requireMayRead(viewer, studentPersonId);
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("exportedAt", clock.instant());
        export.put("course", db.select(COURSE.TITLE).from(COURSE).where(COURSE.ID.eq(viewer.courseId())).fetchOne(COURSE.TITLE));
        for (StudentData part : parts.reversed()) {
            export.put(part.part(), part.export(viewer.courseId(), studentPersonId));
        }
        export.put("history", audit.about(viewer.courseId(), studentPersonId));
        return JSON.writeValueAsBytes(export);
    }

    /** A file name for the export, from the student's name where there is one. */
    public String exportFileName(long studentPersonId) {
        Viewer viewer = currentViewer.require();
        requireMayRead(viewer, studentPersonId);
        String name = db.select(PERSON.DISPLAY_NAME).from(PERSON).where(PERSON.ID.eq(studentPersonId)).fetchOne(PERSON.DISPLAY_NAME);
        String safe = name == null ? "" : name.replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("(^-|-$)", "");
        return "cairn-data-" + (safe.isEmpty() ? "student-" + studentPersonId : safe) + ".json";
    }

    /**
     * Teachers only: erases the student's data in this course from every feature, in one
     * transaction. Their name and e-mail go too unless another course still enrols them. The
     * erasure is recorded in the audit trail without naming the student.
     */
    @Transactional
    public void erase(long studentPersonId) {
        Viewer viewer = currentViewer.requireTeacher();
        if (!isStudentOf(viewer.courseId(), studentPersonId)) {
            throw new PrivacyRefusal("privacy.refused.not-a-student");
        }
        eraseFromCourse(viewer.courseId(), studentPersonId);
        audit.record(viewer.courseId(), null, AuditKind.STUDENT_ERASED, "-", null, null);
    }

    /** For the retention job and {@link #erase}: callers have decided the student's data must go. */
    void eraseFromCourse(long courseId, long studentPersonId) {
        audit.forget(courseId, studentPersonId);
        for (StudentData part : parts) {
            part.erase(courseId, studentPersonId);
        }
    }

    private void requireMayRead(Viewer viewer, long studentPersonId) {
        boolean self = !viewer.isTeacher() && viewer.personId() == studentPersonId;
        if (!self && !(viewer.isTeacher() && isStudentOf(viewer.courseId(), studentPersonId))) {
            throw new AccessDeniedException("Not a student of this course, or not yours to read");
        }
    }

    private boolean isStudentOf(long courseId, long personId) {
        return db.fetchExists(ENROLLMENT, ENROLLMENT.COURSE_ID.eq(courseId), ENROLLMENT.PERSON_ID.eq(personId),
                ENROLLMENT.ROLE.eq(Role.STUDENT.name()));
    }
}
