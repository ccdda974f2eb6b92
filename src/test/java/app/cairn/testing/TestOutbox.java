package app.cairn.testing;

import static cairn.schema.Tables.GRADEBOOK_SCORE_OUTBOX;

import org.jooq.DSLContext;

/** The gradebook outbox between tests, which share one database. */
public final class TestOutbox {

    private TestOutbox() {
    }

    /**
     * Marks every score still waiting as failed: no LMS serves the test's courses, and nothing left
     * here may be picked up, and counted, by another test's worker.
     */
    public static void leaveNothingToSend(DSLContext db) {
        db.update(GRADEBOOK_SCORE_OUTBOX).set(GRADEBOOK_SCORE_OUTBOX.STATUS, "FAILED")
                .set(GRADEBOOK_SCORE_OUTBOX.LAST_ERROR, "test over")
                .where(GRADEBOOK_SCORE_OUTBOX.STATUS.eq("PENDING")).execute();
    }
}
