package app.cairn.unit;

import static cairn.schema.Tables.UNIT;
import static cairn.schema.Tables.UNIT_TARGET;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import app.cairn.proficiency.IndicatorProficienciesChanged;
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
    void on(IndicatorProficienciesChanged changed) {
        List<IndicatorProficiencyChanged> reached = changed.changes().stream()
                .filter(IndicatorProficiencyChanged::mastery).toList();
        if (reached.isEmpty()) {
            return;
        }
        Map<Long, List<Long>> targetsOf = new HashMap<>();
        db.select(UNIT_TARGET.INDICATOR_ITEM_ID, UNIT_TARGET.ID).from(UNIT_TARGET).join(UNIT).on(UNIT.ID.eq(UNIT_TARGET.UNIT_ID))
                .where(UNIT.COURSE_ID.eq(changed.courseId()), UNIT_TARGET.INDICATOR_ITEM_ID.in(
                        reached.stream().map(IndicatorProficiencyChanged::indicatorItemId).distinct().toList()))
                .forEach(r -> targetsOf.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value2()));
        List<Units.Passed> passed = new ArrayList<>();
        for (IndicatorProficiencyChanged change : reached) {
            targetsOf.getOrDefault(change.indicatorItemId(), List.of())
                    .forEach(target -> passed.add(new Units.Passed(change.studentPersonId(), target)));
        }
        units.recordProficient(changed.courseId(), passed, changed.byPersonId());
    }
}
