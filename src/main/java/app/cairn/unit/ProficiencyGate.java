package app.cairn.unit;

import static cairn.schema.Tables.UNIT;
import static cairn.schema.Tables.UNIT_TARGET;

import org.jooq.DSLContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import app.cairn.proficiency.IndicatorProficiencyChanged;

/**
 * Opens the mastery gate when evidence shows proficiency: every target of the course's units on the
 * indicator is marked proficient for the student. Runs inside the transaction that saved the score
 * (a plain {@link EventListener}, not an after-commit one), so the score, the proficiency and the
 * open gate commit together or not at all, and no crash between two transactions can lose a gate.
 * A gate once opened stays open, as a teacher's decision would, even if a later score is lower.
 */
@Component
class ProficiencyGate {

    private final DSLContext db;
    private final Units units;

    ProficiencyGate(DSLContext db, Units units) {
        this.db = db;
        this.units = units;
    }

    @EventListener
    void on(IndicatorProficiencyChanged change) {
        if (!change.mastery()) {
            return;
        }
        db.select(UNIT_TARGET.ID).from(UNIT_TARGET).join(UNIT).on(UNIT.ID.eq(UNIT_TARGET.UNIT_ID))
                .where(UNIT.COURSE_ID.eq(change.courseId()), UNIT_TARGET.INDICATOR_ITEM_ID.eq(change.indicatorItemId()))
                .fetch(UNIT_TARGET.ID)
                .forEach(target -> units.recordProficient(change.studentPersonId(), target, change.byPersonId()));
    }
}
