package app.cairn.evidence;

import static cairn.schema.Tables.EVIDENCE;
import static cairn.schema.Tables.EVIDENCE_FILE;
import static cairn.schema.Tables.EVIDENCE_HISTORY;
import static cairn.schema.Tables.EVIDENCE_SCORE_LEVEL;
import static cairn.schema.Tables.INDICATOR_PROFICIENCY;
import static cairn.schema.Tables.PROFICIENCY_LOCK;
import static cairn.schema.Tables.STANDARD_ITEM;
import static cairn.schema.Tables.STANDARD_PROFICIENCY;
import static cairn.schema.Tables.UNIT_PROFICIENCY;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import app.cairn.shared.StudentData;

/**
 * A student's evidence (text, links, file names and sizes), every answer to it (feedback, scores by
 * criterion, returns) and their stored proficiency. The file contents stay out of the export (it
 * is a JSON document); the student can download each file from Cairn.
 */
@Component
class EvidenceStudentData implements StudentData {

    private final DSLContext db;

    EvidenceStudentData(DSLContext db) {
        this.db = db;
    }

    @Override
    public String part() {
        return "evidence";
    }

    @Override
    public Object export(long courseId, long studentPersonId) {
        Map<String, Object> part = new LinkedHashMap<>();
        List<Map<String, Object>> evidence = db.selectFrom(EVIDENCE)
                .where(EVIDENCE.COURSE_ID.eq(courseId), EVIDENCE.STUDENT_PERSON_ID.eq(studentPersonId))
                .orderBy(EVIDENCE.ID).fetch(e -> {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("assessment", e.getAssessmentTitle());
                    item.put("via", e.getViaTitle());
                    item.put("kind", e.getKind());
                    item.put("status", e.getStatus());
                    item.put("text", e.getBody());
                    item.put("links", e.getLinks());
                    item.put("performedOn", e.getPerformedOn());
                    item.put("submittedAt", utc(e.getSubmittedAt()));
                    item.put("reassessmentReason", e.getReassessmentReason());
                    item.put("files", db.select(EVIDENCE_FILE.FILE_NAME, EVIDENCE_FILE.SIZE_BYTES).from(EVIDENCE_FILE)
                            .where(EVIDENCE_FILE.EVIDENCE_ID.eq(e.getId()))
                            .fetch(f -> Map.of("name", f.value1(), "bytes", f.value2())));
                    item.put("answers", db.selectFrom(EVIDENCE_HISTORY).where(EVIDENCE_HISTORY.EVIDENCE_ID.eq(e.getId()))
                            .orderBy(EVIDENCE_HISTORY.HAPPENED_AT, EVIDENCE_HISTORY.ID).fetch(h -> {
                                Map<String, Object> answer = new LinkedHashMap<>();
                                answer.put("what", h.getKind());
                                answer.put("by", h.getActorName());
                                answer.put("comment", h.getComment());
                                answer.put("at", utc(h.getHappenedAt()));
                                answer.put("replacedByLaterScore", h.getSupersededAt() != null);
                                answer.put("levels", db.select(EVIDENCE_SCORE_LEVEL.CRITERION_TITLE, EVIDENCE_SCORE_LEVEL.LEVEL_LABEL)
                                        .from(EVIDENCE_SCORE_LEVEL).where(EVIDENCE_SCORE_LEVEL.HISTORY_ID.eq(h.getId()))
                                        .fetch(l -> Map.of("criterion", l.value1(), "level", l.value2())));
                                return answer;
                            }));
                    return item;
                });
        part.put("pieces", evidence);
        part.put("proficiency", db.select(STANDARD_ITEM.CODE, STANDARD_ITEM.STATEMENT, INDICATOR_PROFICIENCY.PROFICIENCY,
                        INDICATOR_PROFICIENCY.LEVEL_LABEL, INDICATOR_PROFICIENCY.SCORE_COUNT)
                .from(INDICATOR_PROFICIENCY).join(STANDARD_ITEM).on(STANDARD_ITEM.ID.eq(INDICATOR_PROFICIENCY.INDICATOR_ITEM_ID))
                .where(INDICATOR_PROFICIENCY.COURSE_ID.eq(courseId), INDICATOR_PROFICIENCY.STUDENT_PERSON_ID.eq(studentPersonId))
                .fetch(r -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("indicator", r.value1() == null ? r.value2() : r.value1() + " " + r.value2());
                    row.put("value", r.value3());
                    row.put("level", r.value4());
                    row.put("scoresCounted", r.value5());
                    return row;
                }));
        return part;
    }

    @Override
    public void erase(long courseId, long studentPersonId) {
        var mine = db.select(EVIDENCE.ID).from(EVIDENCE)
                .where(EVIDENCE.COURSE_ID.eq(courseId), EVIDENCE.STUDENT_PERSON_ID.eq(studentPersonId));
        db.deleteFrom(EVIDENCE_SCORE_LEVEL).where(EVIDENCE_SCORE_LEVEL.HISTORY_ID.in(
                db.select(EVIDENCE_HISTORY.ID).from(EVIDENCE_HISTORY).where(EVIDENCE_HISTORY.EVIDENCE_ID.in(mine)))).execute();
        db.deleteFrom(EVIDENCE_HISTORY).where(EVIDENCE_HISTORY.EVIDENCE_ID.in(mine)).execute();
        // Files and their chunks go with the evidence (ON DELETE CASCADE).
        db.deleteFrom(EVIDENCE).where(EVIDENCE.COURSE_ID.eq(courseId), EVIDENCE.STUDENT_PERSON_ID.eq(studentPersonId)).execute();
        db.deleteFrom(INDICATOR_PROFICIENCY).where(INDICATOR_PROFICIENCY.COURSE_ID.eq(courseId),
                INDICATOR_PROFICIENCY.STUDENT_PERSON_ID.eq(studentPersonId)).execute();
        db.deleteFrom(STANDARD_PROFICIENCY).where(STANDARD_PROFICIENCY.COURSE_ID.eq(courseId),
                STANDARD_PROFICIENCY.STUDENT_PERSON_ID.eq(studentPersonId)).execute();
        db.deleteFrom(UNIT_PROFICIENCY).where(UNIT_PROFICIENCY.COURSE_ID.eq(courseId),
                UNIT_PROFICIENCY.STUDENT_PERSON_ID.eq(studentPersonId)).execute();
        db.deleteFrom(PROFICIENCY_LOCK).where(PROFICIENCY_LOCK.COURSE_ID.eq(courseId),
                PROFICIENCY_LOCK.STUDENT_PERSON_ID.eq(studentPersonId)).execute();
    }

    private static @Nullable Instant utc(@Nullable LocalDateTime time) {
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }
}
