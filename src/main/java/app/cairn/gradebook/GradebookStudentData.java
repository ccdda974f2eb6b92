package app.cairn.gradebook;

import static cairn.schema.Tables.GRADEBOOK_ITEM;
import static cairn.schema.Tables.GRADEBOOK_SCORE_OUTBOX;

import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import app.cairn.shared.StudentData;

/**
 * The scores Cairn sent, or was about to send, to the LMS gradebook for a student. Erasing them
 * also cancels any not yet sent; what already reached the LMS stays there, under the LMS's care.
 */
@Component
class GradebookStudentData implements StudentData {

    private final DSLContext db;

    GradebookStudentData(DSLContext db) {
        this.db = db;
    }

    @Override
    public String part() {
        return "gradebook";
    }

    @Override
    public Object export(long courseId, long studentPersonId) {
        return db.select(GRADEBOOK_ITEM.LABEL, GRADEBOOK_SCORE_OUTBOX.SCORE_GIVEN, GRADEBOOK_SCORE_OUTBOX.SCORE_MAXIMUM,
                        GRADEBOOK_SCORE_OUTBOX.COMMENT, GRADEBOOK_SCORE_OUTBOX.SCORE_TIMESTAMP,
                        GRADEBOOK_SCORE_OUTBOX.STATUS, GRADEBOOK_SCORE_OUTBOX.SENT_AT)
                .from(GRADEBOOK_SCORE_OUTBOX).join(GRADEBOOK_ITEM).on(GRADEBOOK_ITEM.ID.eq(GRADEBOOK_SCORE_OUTBOX.ITEM_ID))
                .where(GRADEBOOK_SCORE_OUTBOX.COURSE_ID.eq(courseId), GRADEBOOK_SCORE_OUTBOX.PERSON_ID.eq(studentPersonId))
                .orderBy(GRADEBOOK_SCORE_OUTBOX.SCORE_TIMESTAMP)
                .fetch(r -> {
                    Map<String, Object> score = new LinkedHashMap<>();
                    score.put("item", r.value1());
                    score.put("scoreGiven", r.value2());
                    score.put("scoreMaximum", r.value3());
                    score.put("comment", r.value4());
                    score.put("timestamp", r.value5().toInstant(ZoneOffset.UTC));
                    score.put("status", r.value6());
                    score.put("sentAt", r.value7() == null ? null : r.value7().toInstant(ZoneOffset.UTC));
                    return score;
                });
    }

    @Override
    public void erase(long courseId, long studentPersonId) {
        db.deleteFrom(GRADEBOOK_SCORE_OUTBOX).where(GRADEBOOK_SCORE_OUTBOX.COURSE_ID.eq(courseId),
                GRADEBOOK_SCORE_OUTBOX.PERSON_ID.eq(studentPersonId)).execute();
    }
}
