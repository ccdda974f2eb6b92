package app.cairn.evidence;

import static cairn.schema.Tables.PROFICIENCY_POLICY;
import static cairn.schema.Tables.PROFICIENCY_SCALE;
import static cairn.schema.Tables.STANDARDS_FRAMEWORK;
import static cairn.schema.Tables.STANDARD_ITEM;
import static cairn.schema.Tables.UNIT;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

import app.cairn.proficiency.ProficiencyPolicies;
import app.cairn.proficiency.ProficiencyPolicy;
import app.cairn.proficiency.ProficiencyScales;
import app.cairn.proficiency.ScaleView;
import app.cairn.shared.Viewer;
import app.cairn.standards.StandardItem;
import app.cairn.standards.StandardsLibrary;
import app.cairn.unit.UnitOutline;
import app.cairn.unit.Units;

/**
 * What every proficiency calculation of a course needs (policy, scale, indicators with their
 * standards and labels, units), kept between scores. Reading it takes ten statements or so; checking
 * that it is still current takes one: a fingerprint of the revisions, counts and change times of the
 * rows it was read from. So the cache is right on every node of a cluster, with no event to miss, and a
 * change made earlier in the same transaction is seen at once.
 */
@Component
class CourseFactsCache {

    /** Courses kept: the ones being scored in right now, across a district. */
    private static final int COURSES = 500;

    private final DSLContext db;
    private final ProficiencyPolicies policies;
    private final ProficiencyScales scales;
    private final StandardsLibrary standards;
    private final Units units;

    private final Map<Long, Cached> byCourse = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Long, Cached> eldest) {
                    return size() > COURSES;
                }
            });

    CourseFactsCache(DSLContext db, ProficiencyPolicies policies, ProficiencyScales scales, StandardsLibrary standards,
                     Units units) {
        this.db = db;
        this.policies = policies;
        this.scales = scales;
        this.standards = standards;
        this.units = units;
    }

    private record Cached(String fingerprint, Facts facts) {
    }

    /** The course's facts, as its viewer reads them. */
    record Facts(ProficiencyPolicy policy, ScaleView scale, Map<Long, Long> standardOf, Map<Long, String> labels,
                 List<UnitOutline> units, Set<Long> targeted) {
    }

    /** The viewer's course's facts: from the cache when nothing they came from has changed. */
    Facts of(Viewer viewer) {
        String fingerprint = fingerprint(viewer);
        Cached entry = byCourse.get(viewer.courseId());
        if (entry != null && entry.fingerprint().equals(fingerprint)) {
            return entry.facts();
        }
        Facts facts = read();
        byCourse.put(viewer.courseId(), new Cached(fingerprint, facts));
        return facts;
    }

    /** Revisions, counts and latest change times of the policy, scales, frameworks, items and units: one statement. */
    private String fingerprint(Viewer viewer) {
        Condition policy = PROFICIENCY_POLICY.COURSE_ID.eq(viewer.courseId());
        Condition scale = PROFICIENCY_SCALE.PLATFORM_ID.eq(viewer.platformId())
                .and(PROFICIENCY_SCALE.COURSE_ID.isNull().or(PROFICIENCY_SCALE.COURSE_ID.eq(viewer.courseId())));
        Condition framework = STANDARDS_FRAMEWORK.PLATFORM_ID.eq(viewer.platformId())
                .and(STANDARDS_FRAMEWORK.COURSE_ID.isNull().or(STANDARDS_FRAMEWORK.COURSE_ID.eq(viewer.courseId())));
        Condition unit = UNIT.COURSE_ID.eq(viewer.courseId());
        var items = STANDARD_ITEM.FRAMEWORK_ID.in(DSL.select(STANDARDS_FRAMEWORK.ID).from(STANDARDS_FRAMEWORK).where(framework));
        return Arrays.toString(db.select(
                        DSL.field(DSL.select(PROFICIENCY_POLICY.REVISION).from(PROFICIENCY_POLICY).where(policy)),
                        DSL.field(DSL.select(PROFICIENCY_POLICY.UPDATED_AT).from(PROFICIENCY_POLICY).where(policy)),
                        DSL.field(DSL.select(DSL.count()).from(PROFICIENCY_SCALE).where(scale)),
                        DSL.field(DSL.select(DSL.sum(PROFICIENCY_SCALE.REVISION)).from(PROFICIENCY_SCALE).where(scale)),
                        DSL.field(DSL.select(DSL.max(PROFICIENCY_SCALE.UPDATED_AT)).from(PROFICIENCY_SCALE).where(scale)),
                        DSL.field(DSL.select(DSL.count()).from(STANDARDS_FRAMEWORK).where(framework)),
                        DSL.field(DSL.select(DSL.max(STANDARDS_FRAMEWORK.UPDATED_AT)).from(STANDARDS_FRAMEWORK).where(framework)),
                        // Every change to an item touches its framework's updated_at; the count (read from the
                        // index alone, cheap even for a state's imported standards) catches what goes away.
                        DSL.field(DSL.select(DSL.count()).from(STANDARD_ITEM).where(items)),
                        DSL.field(DSL.select(DSL.count()).from(UNIT).where(unit)),
                        DSL.field(DSL.select(DSL.sum(UNIT.REVISION)).from(UNIT).where(unit)),
                        DSL.field(DSL.select(DSL.max(UNIT.UPDATED_AT)).from(UNIT).where(unit)))
                .fetchSingle().intoArray());
    }

    /** Through the features' own services, as the viewer (a teacher, so every unit, published or not). */
    private Facts read() {
        ScaleView scale = scales.scaleOfMyCourse();
        ProficiencyPolicy policy = policies.policyOfMyCourse();
        Map<Long, StandardItem> items = standards.readableItems();
        Map<Long, String> labels = new HashMap<>();
        items.values().forEach(item -> labels.put(item.id(), item.label()));
        Map<Long, Long> standardOf = StandardsLibrary.standardOf(items);
        List<UnitOutline> outlines = units.outlines();
        Set<Long> targeted = new HashSet<>();
        outlines.forEach(u -> targeted.addAll(u.indicatorIds()));
        return new Facts(policy, scale, Map.copyOf(standardOf), Map.copyOf(labels), outlines, Set.copyOf(targeted));
    }
}
