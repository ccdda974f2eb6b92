package app.cairn.evidence;

import static cairn.schema.Tables.ENROLLMENT;
import static cairn.schema.Tables.INDICATOR_PROFICIENCY;
import static cairn.schema.Tables.PERSON;
import static cairn.schema.Tables.STANDARD_PROFICIENCY;
import static cairn.schema.Tables.UNIT_PROFICIENCY;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.cairn.course.CourseDirectory;
import app.cairn.course.CourseRoster;
import app.cairn.proficiency.LevelView;
import app.cairn.proficiency.ProficiencyCalculator;
import app.cairn.proficiency.ProficiencyPolicies;
import app.cairn.proficiency.ProficiencyPolicy;
import app.cairn.proficiency.ProficiencyScales;
import app.cairn.proficiency.RollUpRule;
import app.cairn.proficiency.ScaleView;
import app.cairn.shared.CurrentViewer;
import app.cairn.shared.Role;
import app.cairn.shared.Viewer;
import app.cairn.standards.Level;
import app.cairn.standards.StandardItem;
import app.cairn.standards.StandardsLibrary;
import app.cairn.unit.Unit;
import app.cairn.unit.Units;

/**
 * Reads proficiency back: a unit's grid (teachers: the class; students: themselves), "why this
 * score" for one indicator with the worked calculation, and one standard across every course of the
 * platform (the graduation view). Grids read the stored proficiencies; nothing is calculated on read
 * except the explanation, which uses the same scores and method the stored value came from.
 * A student reads only their own; a teacher reads their course's students (and, for the graduation
 * view, any student they teach).
 */
@Service
public class Mastery {

    private final DSLContext db;
    private final CurrentViewer currentViewer;
    private final Units units;
    private final CourseRoster roster;
    private final CourseDirectory courses;
    private final ProficiencyScales scales;
    private final ProficiencyPolicies policies;
    private final StandardsLibrary standards;
    private final ProficiencyLedger ledger;
    private final CourseFactsCache facts;

    Mastery(DSLContext db, CurrentViewer currentViewer, Units units, CourseRoster roster, CourseDirectory courses,
            ProficiencyScales scales, ProficiencyPolicies policies, StandardsLibrary standards, ProficiencyLedger ledger,
            CourseFactsCache facts) {
        this.db = db;
        this.currentViewer = currentViewer;
        this.units = units;
        this.roster = roster;
        this.courses = courses;
        this.scales = scales;
        this.policies = policies;
        this.standards = standards;
        this.ledger = ledger;
        this.facts = facts;
    }

    /** The class's grid for a unit: every current student of the course. Teachers only. */
    @Transactional
    public MasteryGrid grid(long unitId) {
        currentViewer.requireTeacher();
        Unit unit = units.unit(unitId);
        Map<Long, @Nullable String> students = new LinkedHashMap<>();
        roster.rosterOfMyCourse().stream().filter(e -> e.role() == Role.STUDENT && !e.left())
                .forEach(e -> students.put(e.personId(), e.name()));
        return grid(unit, students);
    }

    /**
     * One page of the class's grid for a unit: current students ordered by name (then id), from
     * {@code offset}, at most {@code limit} of them. Reads only those students' stored proficiency,
     * so a class of a thousand costs what a page costs. Teachers only.
     */
    @Transactional(readOnly = true)
    public MasteryGrid gridPage(long unitId, int offset, int limit) {
        Viewer viewer = currentViewer.requireTeacher();
        Unit unit = units.unit(unitId);
        return grid(unit, studentsPage(viewer, offset, limit));
    }

    /**
     * One page of the class's grid for a unit by standard: the same rows as {@link #gridPage} (current
     * students by name, then id), a column per standard of the unit's targets with the stored standard
     * proficiency (the course's indicators of it rolled up by the course's rule), and the unit. A
     * target's indicator outside any standard is a column of its own, as the unit's roll-up counts it.
     * A few statements per page, whatever the class's size. Teachers only.
     */
    @Transactional(readOnly = true)
    public StandardsGrid standardsGridPage(long unitId, int offset, int limit) {
        Viewer viewer = currentViewer.requireTeacher();
        Unit unit = units.unit(unitId);
        Map<Long, @Nullable String> students = studentsPage(viewer, offset, limit);
        CourseFactsCache.Facts course = facts.of(viewer);
        ScaleView scale = course.scale();
        Map<Long, List<Long>> indicatorsOf = new LinkedHashMap<>();
        Set<Long> indicatorIds = new HashSet<>();
        for (Unit.Target target : unit.targets()) {
            indicatorIds.add(target.indicatorId());
            Long standard = course.standardOf().get(target.indicatorId());
            // Keyed like the ledger's unit roll-up: a standard by its id, a loose indicator negatively.
            long key = standard != null ? standard : -target.indicatorId();
            List<Long> under = indicatorsOf.computeIfAbsent(key, k -> new ArrayList<>());
            if (!under.contains(target.indicatorId())) {
                under.add(target.indicatorId());
            }
        }
        Map<Long, StandardsGrid.Column> built = new LinkedHashMap<>();
        indicatorsOf.forEach((key, under) -> {
            long itemId = Math.abs(key);
            built.put(key, new StandardsGrid.Column(itemId, key > 0,
                    course.labels().getOrDefault(itemId, "#" + itemId), under));
        });
        Set<Long> standardIds = new HashSet<>();
        Set<Long> looseIds = new HashSet<>();
        built.values().forEach(c -> (c.standard() ? standardIds : looseIds).add(c.itemId()));
        Map<Long, Map<Long, ProficiencyCell>> cells = new HashMap<>();
        if (!students.isEmpty() && !standardIds.isEmpty()) {
            var sp = STANDARD_PROFICIENCY;
            db.selectFrom(sp).where(sp.COURSE_ID.eq(viewer.courseId()), sp.STUDENT_PERSON_ID.in(students.keySet()),
                            sp.STANDARD_ITEM_ID.in(standardIds))
                    .forEach(r -> cells.computeIfAbsent(r.getStudentPersonId(), k -> new HashMap<>()).put(
                            r.getStandardItemId(), new ProficiencyCell(r.getProficiency(),
                                    level(scale, r.getProficiency(), r.getLevelPosition()), r.getMastery(),
                                    r.getIndicatorsAssessed())));
        }
        if (!students.isEmpty() && !looseIds.isEmpty()) {
            var ip = INDICATOR_PROFICIENCY;
            db.selectFrom(ip).where(ip.COURSE_ID.eq(viewer.courseId()), ip.STUDENT_PERSON_ID.in(students.keySet()),
                            ip.INDICATOR_ITEM_ID.in(looseIds))
                    .forEach(r -> cells.computeIfAbsent(r.getStudentPersonId(), k -> new HashMap<>()).put(
                            -r.getIndicatorItemId(), new ProficiencyCell(r.getProficiency(),
                                    level(scale, r.getProficiency(), r.getLevelPosition()), r.getMastery(),
                                    r.getProficiency() == null ? 0 : 1)));
        }
        Map<Long, ProficiencyCell> unitCells = unitCells(scale, unit.id(), students.keySet());
        List<MasteryGrid.Row> rows = new ArrayList<>();
        students.forEach((student, name) -> {
            Map<Long, ProficiencyCell> mine = cells.getOrDefault(student, Map.of());
            rows.add(new MasteryGrid.Row(student, name,
                    built.keySet().stream().map(key -> mine.getOrDefault(key, ProficiencyCell.NONE)).toList(),
                    unitCells.getOrDefault(student, ProficiencyCell.NONE), indicatorIds.size()));
        });
        return new StandardsGrid(unit.id(), unit.title(), course.policy().rollUp(), scale.levels(),
                List.copyOf(built.values()), rows);
    }

    /** Current students of the viewer's course by name, then id: one page of them. */
    private Map<Long, @Nullable String> studentsPage(Viewer viewer, int offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative");
        }
        Map<Long, @Nullable String> students = new LinkedHashMap<>();
        if (limit == 0) {
            return students;
        }
        db.select(PERSON.ID, PERSON.DISPLAY_NAME).from(ENROLLMENT).join(PERSON).on(PERSON.ID.eq(ENROLLMENT.PERSON_ID))
                .where(currentStudents(viewer.courseId()))
                .orderBy(PERSON.DISPLAY_NAME.asc().nullsLast(), PERSON.ID)
                .limit(limit).offset(offset)
                .forEach(r -> students.put(r.value1(), r.value2()));
        return students;
    }

    /**
     * A student's stored proficiency on each standard of the viewer's course that has any, by code
     * (then statement). The student themselves, or a teacher of the course.
     */
    @Transactional(readOnly = true)
    public List<StandardStanding> standardsOf(long studentPersonId) {
        Viewer viewer = currentViewer.require();
        requireCourseStudent(viewer, studentPersonId);
        ScaleView scale = scales.scaleOfMyCourse();
        Map<Long, StandardItem> items = standards.readableItems();
        var sp = STANDARD_PROFICIENCY;
        List<StandardStanding> standings = new ArrayList<>();
        db.selectFrom(sp).where(sp.COURSE_ID.eq(viewer.courseId()), sp.STUDENT_PERSON_ID.eq(studentPersonId))
                .forEach(r -> {
                    StandardItem standard = items.get(r.getStandardItemId());
                    if (standard != null && standard.level() == Level.STANDARD) {
                        standings.add(new StandardStanding(standard.id(), standard.code(), standard.statement(),
                                new ProficiencyCell(r.getProficiency(), level(scale, r.getProficiency(),
                                        r.getLevelPosition()), r.getMastery(), r.getIndicatorsAssessed())));
                    }
                });
        standings.sort(Comparator.comparing((StandardStanding s) -> s.code() == null ? "" : s.code())
                .thenComparing(StandardStanding::statement).thenComparing(StandardStanding::standardId));
        return standings;
    }

    /**
     * How the class is spread over the levels of the unit's proficiency, and so how many rows its
     * grid has: one aggregate query over the stored unit proficiency of the current students, never
     * the rows themselves. Teachers only.
     */
    @Transactional(readOnly = true)
    public MasteryDistribution distribution(long unitId) {
        Viewer viewer = currentViewer.requireTeacher();
        units.unit(unitId);
        ScaleView scale = scales.scaleOfMyCourse();
        var u = UNIT_PROFICIENCY;
        Map<Integer, Integer> byPosition = new HashMap<>();
        int[] notYet = {0};
        int[] total = {0};
        db.select(u.LEVEL_POSITION, DSL.count()).from(ENROLLMENT)
                .leftJoin(u).on(u.UNIT_ID.eq(unitId), u.STUDENT_PERSON_ID.eq(ENROLLMENT.PERSON_ID),
                        u.PROFICIENCY.isNotNull())
                .where(currentStudents(viewer.courseId()))
                .groupBy(u.LEVEL_POSITION)
                .forEach(r -> {
                    total[0] += r.value2();
                    if (r.value1() == null || r.value1() < 0 || r.value1() >= scale.levels().size()) {
                        notYet[0] += r.value2();
                    } else {
                        byPosition.merge(r.value1(), r.value2(), Integer::sum);
                    }
                });
        List<MasteryDistribution.LevelCount> levels = scale.levels().stream()
                .map(level -> new MasteryDistribution.LevelCount(level, byPosition.getOrDefault(level.position(), 0)))
                .toList();
        return new MasteryDistribution(levels, notYet[0], total[0]);
    }

    private static Condition currentStudents(long courseId) {
        return ENROLLMENT.COURSE_ID.eq(courseId).and(ENROLLMENT.ROLE.eq(Role.STUDENT.name()))
                .and(ENROLLMENT.LEFT_AT.isNull());
    }

    /** The viewer's own row of a unit's grid. Students only. */
    @Transactional
    public MasteryGrid myGrid(long unitId) {
        Viewer viewer = requireStudent();
        Unit unit = units.unit(unitId);
        Map<Long, @Nullable String> me = new LinkedHashMap<>();
        me.put(viewer.personId(), viewer.displayName());
        return grid(unit, me);
    }

    /**
     * Why a student's proficiency on an indicator is what it is: the scores that count, oldest work
     * first, the course's method and the calculation step by step. The student themselves, or a
     * teacher of the course.
     */
    @Transactional
    public ProficiencyExplanation why(long studentPersonId, long indicatorId) {
        return whyEach(studentPersonId, List.of(indicatorId)).getFirst();
    }

    /**
     * {@link #why} for several indicators of one student, in their order, reading the course's
     * scale, policy and standards once (reports ask for every indicator of every student).
     */
    @Transactional
    public List<ProficiencyExplanation> whyEach(long studentPersonId, Collection<Long> indicatorIds) {
        Viewer viewer = currentViewer.require();
        requireCourseStudent(viewer, studentPersonId);
        ScaleView scale = scales.scaleOfMyCourse();
        ProficiencyPolicy policy = policies.policyOfMyCourse();
        Map<Long, StandardItem> items = standards.readableItems();
        List<ProficiencyExplanation> explanations = new ArrayList<>(indicatorIds.size());
        for (long indicatorId : indicatorIds) {
            List<ProficiencyLedger.Scored> scored = ledger.scores(viewer.courseId(), studentPersonId, indicatorId);
            ProficiencyCalculator.Result result = ProficiencyCalculator.calculate(
                    scored.stream().map(ProficiencyLedger.Scored::score).toList(), policy.calculation(scale));
            Double value = result.value().orElse(null);
            StandardItem indicator = items.get(indicatorId);
            String label = indicator == null ? null : indicator.label();
            explanations.add(new ProficiencyExplanation(studentPersonId, indicatorId, label, policy.method(),
                    policy.weight(), policy.times(),
                    scored.stream().map(s -> new ProficiencyExplanation.Counted(s.evidenceId(), s.assessmentTitle(),
                            s.viaTitle(), s.criterionTitle(), s.performedOn(), s.submittedAt(), s.points(), s.levelLabel()))
                            .toList(),
                    result.steps().stream().map(s -> new ProficiencyExplanation.Step("proficiency.explain." + s.key(), s.args()))
                            .toList(),
                    value, value == null ? null : scale.levelFor(value), value != null && scale.reachesMastery(value)));
        }
        return explanations;
    }

    /**
     * One standard of one student across every course of the platform that has evidence for it.
     * The student themselves, or a teacher who teaches them in some course.
     */
    @Transactional(readOnly = true)
    public GraduationStanding graduation(long studentPersonId, long standardId) {
        Viewer viewer = currentViewer.require();
        if (viewer.personId() != studentPersonId && !courses.viewerTeachesStudent(studentPersonId)) {
            throw new AccessDeniedException("Not a student of this teacher");
        }
        Map<Long, StandardItem> items = standards.readableItems();
        StandardItem standard = items.get(standardId);
        if (standard == null || standard.level() != Level.STANDARD) {
            throw new AccessDeniedException("No such standard in this course's frameworks");
        }
        Map<Long, StandardItem> indicators = new LinkedHashMap<>();
        for (StandardItem item : items.values()) {
            if (item.level() == Level.INDICATOR && under(item, standardId, items)) {
                indicators.put(item.id(), item);
            }
        }
        var s = STANDARD_PROFICIENCY;
        var i = INDICATOR_PROFICIENCY;
        var standardRows = db.selectFrom(s).where(s.STUDENT_PERSON_ID.eq(studentPersonId), s.STANDARD_ITEM_ID.eq(standardId))
                .fetchMap(s.COURSE_ID);
        Map<Long, List<GraduationStanding.Indicator>> indicatorRows = new HashMap<>();
        db.selectFrom(i).where(i.STUDENT_PERSON_ID.eq(studentPersonId), i.INDICATOR_ITEM_ID.in(indicators.keySet()))
                .orderBy(i.INDICATOR_ITEM_ID)
                .forEach(r -> {
                    StandardItem item = indicators.get(r.getIndicatorItemId());
                    indicatorRows.computeIfAbsent(r.getCourseId(), k -> new ArrayList<>()).add(
                            new GraduationStanding.Indicator(item.id(), item.code(), item.statement(), r.getProficiency(),
                                    r.getLevelLabel(), r.getMastery(), r.getScoreCount()));
                });
        Set<Long> courseIds = new TreeSet<>(standardRows.keySet());
        courseIds.addAll(indicatorRows.keySet());
        Map<Long, String> titles = courses.courseTitles(courseIds);
        List<GraduationStanding.InCourse> inCourses = new ArrayList<>();
        for (Long courseId : courseIds) {
            if (!titles.containsKey(courseId)) {
                continue;
            }
            var row = standardRows.get(courseId);
            List<GraduationStanding.Indicator> mine = indicatorRows.getOrDefault(courseId, List.of());
            inCourses.add(row == null
                    ? new GraduationStanding.InCourse(courseId, titles.get(courseId), null, null, false,
                            (int) mine.stream().filter(x -> x.proficiency() != null).count(), RollUpRule.MEAN,
                            java.time.Instant.EPOCH, mine)
                    : new GraduationStanding.InCourse(courseId, titles.get(courseId), row.getProficiency(),
                            row.getLevelLabel(), row.getMastery(), row.getIndicatorsAssessed(),
                            RollUpRule.valueOf(row.getRollup()), row.getUpdatedAt().toInstant(ZoneOffset.UTC), mine));
        }
        inCourses.sort(Comparator.comparing(GraduationStanding.InCourse::updatedAt).reversed());
        return new GraduationStanding(studentPersonId, standardId, standard.code(), standard.statement(),
                inCourses.stream().anyMatch(GraduationStanding.InCourse::mastery), inCourses);
    }

    // --- helpers ---

    private MasteryGrid grid(Unit unit, Map<Long, @Nullable String> students) {
        Viewer viewer = currentViewer.require();
        ScaleView scale = scales.scaleOfMyCourse();
        ProficiencyPolicy policy = policies.policyOfMyCourse();
        List<MasteryGrid.Column> columns = unit.targets().stream()
                .map(t -> new MasteryGrid.Column(t.id(), t.indicatorId(), t.label())).toList();
        Set<Long> indicatorIds = new HashSet<>();
        columns.forEach(c -> indicatorIds.add(c.indicatorId()));
        Map<Long, Map<Long, ProficiencyCell>> cells = new HashMap<>();
        var i = INDICATOR_PROFICIENCY;
        db.selectFrom(i).where(i.COURSE_ID.eq(viewer.courseId()), i.STUDENT_PERSON_ID.in(students.keySet()),
                        i.INDICATOR_ITEM_ID.in(indicatorIds))
                .forEach(r -> cells.computeIfAbsent(r.getStudentPersonId(), k -> new HashMap<>()).put(r.getIndicatorItemId(),
                        new ProficiencyCell(r.getProficiency(), level(scale, r.getProficiency(), r.getLevelPosition()),
                                r.getMastery(), r.getScoreCount())));
        Map<Long, ProficiencyCell> unitCells = unitCells(scale, unit.id(), students.keySet());
        List<MasteryGrid.Row> rows = new ArrayList<>();
        students.forEach((student, name) -> {
            Map<Long, ProficiencyCell> mine = cells.getOrDefault(student, Map.of());
            rows.add(new MasteryGrid.Row(student, name,
                    columns.stream().map(c -> mine.getOrDefault(c.indicatorId(), ProficiencyCell.NONE)).toList(),
                    unitCells.getOrDefault(student, ProficiencyCell.NONE), indicatorIds.size()));
        });
        return new MasteryGrid(unit.id(), unit.title(), policy.method(), policy.rollUp(), scale.levels(), columns, rows);
    }

    private Map<Long, ProficiencyCell> unitCells(ScaleView scale, long unitId, Collection<Long> studentIds) {
        Map<Long, ProficiencyCell> unitCells = new HashMap<>();
        if (studentIds.isEmpty()) {
            return unitCells;
        }
        var u = UNIT_PROFICIENCY;
        db.selectFrom(u).where(u.UNIT_ID.eq(unitId), u.STUDENT_PERSON_ID.in(studentIds))
                .forEach(r -> unitCells.put(r.getStudentPersonId(), new ProficiencyCell(r.getProficiency(),
                        level(scale, r.getProficiency(), r.getLevelPosition()), r.getMastery(), r.getIndicatorsAssessed())));
        return unitCells;
    }

    private static @Nullable LevelView level(ScaleView scale, @Nullable Double value, @Nullable Integer position) {
        if (value == null) {
            return null;
        }
        if (position != null && position >= 0 && position < scale.levels().size()) {
            return scale.levels().get(position);
        }
        return scale.levelFor(value);
    }

    private void requireCourseStudent(Viewer viewer, long studentPersonId) {
        if (viewer.isTeacher()) {
            boolean student = roster.memberOfMyCourse(studentPersonId).filter(e -> e.role() == Role.STUDENT).isPresent();
            if (!student) {
                throw new AccessDeniedException("No such student in this course");
            }
        } else if (viewer.personId() != studentPersonId) {
            throw new AccessDeniedException("Students read only their own proficiency");
        }
    }

    private static boolean under(StandardItem item, long ancestorId, Map<Long, StandardItem> items) {
        Set<Long> seen = new HashSet<>();
        StandardItem up = item;
        while (up.parentId() != null && seen.add(up.id())) {
            if (up.parentId() == ancestorId) {
                return true;
            }
            up = items.get(up.parentId());
            if (up == null) {
                return false;
            }
        }
        return false;
    }

    private Viewer requireStudent() {
        Viewer viewer = currentViewer.require();
        if (viewer.role() != Role.STUDENT) {
            throw new AccessDeniedException("Students only");
        }
        return viewer;
    }
}
