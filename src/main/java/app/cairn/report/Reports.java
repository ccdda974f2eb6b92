package app.cairn.report;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.cairn.course.CourseDirectory;
import app.cairn.course.CourseRoster;
import app.cairn.course.RosterEntry;
import app.cairn.evidence.BodyOfEvidence;
import app.cairn.evidence.HistoryEntry;
import app.cairn.evidence.Mastery;
import app.cairn.evidence.MasteryGrid;
import app.cairn.evidence.ProficiencyExplanation;
import app.cairn.proficiency.LevelView;
import app.cairn.proficiency.ProficiencyCalculator;
import app.cairn.proficiency.ProficiencyPolicies;
import app.cairn.proficiency.ProficiencyPolicy;
import app.cairn.proficiency.ProficiencyScales;
import app.cairn.proficiency.RollUp;
import app.cairn.proficiency.ScaleView;
import app.cairn.shared.CurrentViewer;
import app.cairn.shared.Role;
import app.cairn.shared.Viewer;
import app.cairn.standards.StandardItem;
import app.cairn.standards.StandardsFramework;
import app.cairn.standards.StandardsLibrary;
import app.cairn.unit.UnitOutline;
import app.cairn.unit.Units;

/**
 * Gathers what reports show from the features that own it: the standards the course's units
 * target, the student's evidence as "why this score" counts it, the course's scale and policy.
 * Proficiency over time is the course's own calculation re-run on the evidence performed up to
 * each date, so the chart and the current value never disagree. Every method checks the viewer
 * through the services it calls: a teacher of the course, or the student for their own report.
 */
@Service
public class Reports {

    private final CurrentViewer currentViewer;
    private final Clock clock;
    private final CourseDirectory courses;
    private final CourseRoster roster;
    private final Units units;
    private final StandardsLibrary standards;
    private final Mastery mastery;
    private final BodyOfEvidence evidence;
    private final ProficiencyScales scales;
    private final ProficiencyPolicies policies;

    Reports(CurrentViewer currentViewer, Clock clock, CourseDirectory courses, CourseRoster roster, Units units,
            StandardsLibrary standards, Mastery mastery, BodyOfEvidence evidence, ProficiencyScales scales,
            ProficiencyPolicies policies) {
        this.currentViewer = currentViewer;
        this.clock = clock;
        this.courses = courses;
        this.roster = roster;
        this.units = units;
        this.standards = standards;
        this.mastery = mastery;
        this.evidence = evidence;
        this.scales = scales;
        this.policies = policies;
    }

    /** A student of the course, for pickers. */
    public record StudentChoice(long personId, String name) {
    }

    /** Teachers only: the current students of the course, by name. */
    public List<StudentChoice> studentsOfMyCourse() {
        currentViewer.requireTeacher();
        return roster.rosterOfMyCourse().stream().filter(e -> e.role() == Role.STUDENT && !e.left())
                .map(e -> new StudentChoice(e.personId(), nameOf(e))).toList();
    }

    /** The viewer's own family report (students). */
    @Transactional(readOnly = true)
    public FamilyReport myReport() {
        Viewer viewer = currentViewer.require();
        if (viewer.isTeacher()) {
            throw new AccessDeniedException("Teachers pick a student");
        }
        return report(viewer.personId(), viewer.displayName() == null ? "" : viewer.displayName(), context());
    }

    /** Teachers only: one student's family report. */
    @Transactional(readOnly = true)
    public FamilyReport reportOf(long studentPersonId) {
        currentViewer.requireTeacher();
        StudentChoice student = studentsOfMyCourse().stream().filter(s -> s.personId() == studentPersonId).findFirst()
                .orElseThrow(() -> new AccessDeniedException("Not a current student of this course"));
        return report(student.personId(), student.name(), context());
    }

    /** Teachers only: a family report for every current student. */
    @Transactional(readOnly = true)
    public List<FamilyReport> classReports() {
        currentViewer.requireTeacher();
        Context context = context();
        return studentsOfMyCourse().stream().map(s -> report(s.personId(), s.name(), context)).toList();
    }

    /** Teachers only: a unit's mastery grid as CSV (one row per student, one column per target). */
    public String masteryGridCsv(long unitId) {
        MasteryGrid grid = mastery.grid(unitId);
        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("student"));
        grid.columns().forEach(c -> header.add(c.label()));
        header.add("unit");
        line(csv, header);
        for (MasteryGrid.Row row : grid.rows()) {
            List<String> cells = new ArrayList<>(List.of(row.name() == null ? "#" + row.studentPersonId() : row.name()));
            row.cells().forEach(cell -> cells.add(cell.proficiency() == null ? ""
                    : String.format(java.util.Locale.ROOT, "%.2f", cell.proficiency())));
            cells.add(row.unit().proficiency() == null ? ""
                    : String.format(java.util.Locale.ROOT, "%.2f", row.unit().proficiency()));
            line(csv, cells);
        }
        return csv.toString();
    }

    /** Teachers only: every summative score that counts, per student and indicator, as CSV. */
    @Transactional(readOnly = true)
    public String scoresCsv() {
        currentViewer.requireTeacher();
        Context context = context();
        StringBuilder csv = new StringBuilder();
        line(csv, List.of("student", "indicator", "assessment", "option", "criterion", "performed_on", "points", "level"));
        for (StudentChoice student : studentsOfMyCourse()) {
            for (ProficiencyExplanation why : mastery.whyEach(student.personId(), context.indicators())) {
                for (ProficiencyExplanation.Counted counted : why.counted()) {
                    line(csv, List.of(student.name(),
                            Objects.requireNonNullElse(why.indicatorLabel(), "#" + why.indicatorId()),
                            counted.assessmentTitle(), counted.viaTitle(), counted.criterionTitle(),
                            counted.performedOn().toString(), counted.points().stripTrailingZeros().toPlainString(),
                            counted.levelLabel()));
                }
            }
        }
        return csv.toString();
    }

    // --- assembling ---

    /** What every report of the course shares: scale, policy, and the standards its units target. */
    private record Context(String courseTitle, ScaleView scale, ProficiencyPolicy policy, List<Long> indicators,
                           Map<Long, StandardItem> items, Map<Long, Long> standardOf,
                           Map<Long, List<String>> attributes) {
    }

    private Context context() {
        ScaleView scale = scales.scaleOfMyCourse();
        Set<Long> indicators = new LinkedHashSet<>();
        for (UnitOutline unit : units.outlines()) {
            indicators.addAll(unit.indicatorIds());
        }
        Map<Long, StandardItem> items = new LinkedHashMap<>();
        Map<Long, List<String>> attributes = new LinkedHashMap<>();
        for (StandardsFramework framework : standards.frameworks()) {
            standards.items(framework.id(), true).forEach(item -> items.put(item.id(), item));
            standards.attributeLinks(framework.id()).forEach((standard, linked) ->
                    attributes.put(standard, linked.stream().map(StandardItem::statement).toList()));
        }
        return new Context(courses.overviewOfMyCourse().title(), scale, policies.policyOfMyCourse(),
                List.copyOf(indicators), items, StandardsLibrary.standardOf(items), attributes);
    }

    private FamilyReport report(long studentId, String name, Context context) {
        // Indicators grouped under their standard (an indicator outside any standard stands alone).
        Map<Long, List<Long>> byStandard = new LinkedHashMap<>();
        for (long indicator : context.indicators()) {
            // The same grouping as the stored standard proficiency: the indicator's nearest standard above it.
            byStandard.computeIfAbsent(context.standardOf().getOrDefault(indicator, indicator), k -> new ArrayList<>())
                    .add(indicator);
        }
        Map<Long, ProficiencyExplanation> whyOf = new LinkedHashMap<>();
        mastery.whyEach(studentId, context.indicators()).forEach(why -> whyOf.put(why.indicatorId(), why));
        List<FamilyReport.StandardProgress> rows = new ArrayList<>();
        for (Map.Entry<Long, List<Long>> group : byStandard.entrySet()) {
            List<ProficiencyExplanation> whys = group.getValue().stream().map(whyOf::get).toList();
            Optional<Double> value = RollUp.combine(context.policy().rollUp(),
                    whys.stream().map(w -> Optional.ofNullable(w.proficiency())).toList(), context.scale());
            ChartLevel level = value.map(v -> chartLevel(context.scale().levelFor(v))).orElse(null);
            StandardItem standard = context.items().get(group.getKey());
            rows.add(new FamilyReport.StandardProgress(
                    standard == null || standard.code() == null ? "" : standard.code(),
                    standard == null ? "" : standard.statement(),
                    context.attributes().getOrDefault(group.getKey(), List.of()),
                    level, value.orElse(null), comments(whys), history(whys, context)));
        }
        return new FamilyReport(context.courseTitle(), name, LocalDate.now(clock.withZone(ZoneOffset.UTC)),
                chartLevels(context.scale()), rows);
    }

    /** The standard's value after each date on which work was performed, by the course's own method. */
    private static List<SvgCharts.Point> history(List<ProficiencyExplanation> whys, Context context) {
        TreeSet<LocalDate> dates = new TreeSet<>();
        whys.forEach(w -> w.counted().forEach(c -> dates.add(c.performedOn())));
        ProficiencyCalculator.Method method = context.policy().calculation(context.scale());
        List<SvgCharts.Point> points = new ArrayList<>();
        for (LocalDate date : dates) {
            List<Optional<Double>> parts = whys.stream().map(w -> {
                List<ProficiencyCalculator.Score> upTo = w.counted().stream()
                        .filter(c -> !c.performedOn().isAfter(date))
                        .sorted(Comparator.comparing(ProficiencyExplanation.Counted::performedOn)
                                .thenComparing(ProficiencyExplanation.Counted::submittedAt))
                        .map(c -> new ProficiencyCalculator.Score(c.points().doubleValue(), c.performedOn(), c.submittedAt()))
                        .toList();
                return upTo.isEmpty() ? Optional.<Double>empty() : ProficiencyCalculator.calculate(upTo, method).value();
            }).toList();
            RollUp.combine(context.policy().rollUp(), parts, context.scale())
                    .ifPresent(v -> points.add(new SvgCharts.Point(date, v)));
        }
        return points;
    }

    /** Teachers' latest words on the evidence counted, newest first. */
    private List<String> comments(List<ProficiencyExplanation> whys) {
        Set<Long> ids = new LinkedHashSet<>();
        whys.forEach(w -> w.counted().stream()
                .sorted(Comparator.comparing(ProficiencyExplanation.Counted::performedOn).reversed())
                .forEach(c -> ids.add(c.evidenceId())));
        List<String> comments = new ArrayList<>();
        for (long id : ids) {
            if (comments.size() == FamilyReport.COMMENTS) {
                break;
            }
            HistoryEntry latest = evidence.evidence(id).latestTeacherComment();
            if (latest != null && latest.comment() != null && !latest.comment().isBlank()) {
                comments.add(latest.comment());
            }
        }
        return comments;
    }

    private static List<ChartLevel> chartLevels(ScaleView scale) {
        return scale.levels().stream().map(Reports::chartLevel).toList();
    }

    private static ChartLevel chartLevel(LevelView level) {
        return new ChartLevel(level.points().doubleValue(), level.label(), level.colour(), level.mastery());
    }

    private static String nameOf(RosterEntry entry) {
        return entry.name() == null ? "#" + entry.personId() : entry.name();
    }

    /** RFC 4180: quote every field; a field starting with = + - @ is defused for spreadsheets. */
    private static void line(StringBuilder csv, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            String field = fields.get(i) == null ? "" : fields.get(i);
            if (!field.isEmpty() && "=+-@".indexOf(field.charAt(0)) >= 0 && !field.matches("-?\\d+(\\.\\d+)?")) {
                field = "'" + field;
            }
            csv.append(i == 0 ? "" : ",").append('"').append(field.replace("\"", "\"\"")).append('"');
        }
        csv.append("\r\n");
    }
}
