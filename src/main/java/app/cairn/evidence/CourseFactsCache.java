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
 * that it is still current takes one (or none of its own, carried by a statement the caller makes anyway): a fingerprint of the revisions, counts and change times of the
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
        return of(viewer, db.select(fingerprint(viewer)).fetchSingle());
    }

    /**
     * The facts, given the {@link #fingerprint} fields as some other statement of the caller read them
     * (the ledger reads them with its lock, saving a round trip at every score).
     */
    Facts of(Viewer viewer, org.jooq.Record fingerprintValues) {
        String fingerprint = Arrays.toString(fingerprintValues.intoArray());
        Cached entry = byCourse.get(viewer.courseId());
        if (entry != null && entry.fingerprint().equals(fingerprint)) {
            return entry.facts();
        }
        Facts facts = read();
        byCourse.put(viewer.courseId(), new Cached(fingerprint, facts));
        return facts;
    }

    /**
     * The facts as last read for the viewer's course, not checked: a guess for a statement that the
     * {@link #fingerprint} it also carries will confirm or refute.
     */
    java.util.Optional<Facts> lastRead(Viewer viewer) {
        Cached entry = byCourse.get(viewer.courseId());
        return entry == null ? java.util.Optional.empty() : java.util.Optional.of(entry.facts());
    }

    /**
     * What the facts are checked by, as fields to select: for each table they come from, one scalar
     * subquery giving its rows' count, summed revisions and latest change time together (four
     * subqueries, each an index range read).
     */
    List<org.jooq.Field<?>> fingerprint(Viewer viewer) {
        var policy = PROFICIENCY_POLICY;
        var scale = PROFICIENCY_SCALE;
        var framework = STANDARDS_FRAMEWORK;
        Condition scales = scale.PLATFORM_ID.eq(viewer.platformId())
                .and(scale.COURSE_ID.isNull().or(scale.COURSE_ID.eq(viewer.courseId())));
        Condition frameworks = framework.PLATFORM_ID.eq(viewer.platformId())
                .and(framework.COURSE_ID.isNull().or(framework.COURSE_ID.eq(viewer.courseId())));
        return List.of(
                DSL.field(DSL.select(summary(DSL.count(), DSL.sum(policy.REVISION), DSL.max(policy.UPDATED_AT)))
                        .from(policy).where(policy.COURSE_ID.eq(viewer.courseId()))),
                DSL.field(DSL.select(summary(DSL.count(), DSL.sum(scale.REVISION), DSL.max(scale.UPDATED_AT)))
                        .from(scale).where(scales)),
                // Every change to an item touches its framework's updated_at; the count of items (read from
                // the index alone, cheap even for a state's imported standards) catches what goes away.
                DSL.field(DSL.select(summary(DSL.countDistinct(framework.ID), DSL.count(STANDARD_ITEM.ID),
                                DSL.max(framework.UPDATED_AT)))
                        .from(framework).leftJoin(STANDARD_ITEM).on(STANDARD_ITEM.FRAMEWORK_ID.eq(framework.ID))
                        .where(frameworks)),
                DSL.field(DSL.select(summary(DSL.count(), DSL.sum(UNIT.REVISION), DSL.max(UNIT.UPDATED_AT)))
                        .from(UNIT).where(UNIT.COURSE_ID.eq(viewer.courseId()))));
    }

    /** "count/sum/latest" in one value, so that each table costs one subquery. */
    private static org.jooq.Field<String> summary(org.jooq.Field<?>... parts) {
        return DSL.concatWs("/", Arrays.stream(parts)
                .map(part -> DSL.coalesce(part.cast(String.class), DSL.inline("-"))).toList());
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
