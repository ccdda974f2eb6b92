package app.cairn.rubric;

import static cairn.schema.Tables.RUBRIC;
import static cairn.schema.Tables.RUBRIC_CELL;
import static cairn.schema.Tables.RUBRIC_CRITERION;
import static cairn.schema.Tables.RUBRIC_EXEMPLAR;
import static cairn.schema.Tables.RUBRIC_VERSION;
import static cairn.schema.Tables.RUBRIC_VERSION_LEVEL;
import static cairn.schema.Tables.STANDARD_ITEM;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.cairn.proficiency.LevelView;
import app.cairn.proficiency.ProficiencyScales;
import app.cairn.shared.CurrentViewer;
import app.cairn.shared.Viewer;
import app.cairn.standards.Level;
import app.cairn.standards.StandardItem;
import app.cairn.standards.StandardsFramework;
import app.cairn.standards.StandardsLibrary;
import cairn.schema.tables.records.RubricRecord;
import cairn.schema.tables.records.RubricVersionRecord;

/**
 * The course's rubric library. Every method checks the viewer on the server: teachers change their
 * course's rubrics; students read them; rubrics shared with the platform are read-only for every
 * course of it; another course's rubrics answer like missing ones. A version used for scores is
 * frozen: saving makes the next version, and the scores keep theirs. Nothing is ever locked.
 */
@Service
public class Rubrics {

    private final DSLContext db;
    private final Clock clock;
    private final CurrentViewer currentViewer;
    private final ProficiencyScales scales;
    private final StandardsLibrary standards;

    Rubrics(DSLContext db, Clock clock, CurrentViewer currentViewer, ProficiencyScales scales,
            StandardsLibrary standards) {
        this.db = db;
        this.clock = clock;
        this.currentViewer = currentViewer;
        this.scales = scales;
        this.standards = standards;
    }

    /** The course's own rubrics, then those shared with the platform; archived ones are left out. */
    @Transactional(readOnly = true)
    public List<RubricSummary> library() {
        Viewer viewer = currentViewer.require();
        List<RubricRecord> rubrics = db.selectFrom(RUBRIC).where(readable(viewer), RUBRIC.ARCHIVED_AT.isNull())
                .orderBy(RUBRIC.COURSE_ID.isNull(), RUBRIC.TITLE, RUBRIC.ID).fetch();
        List<RubricSummary> summaries = new ArrayList<>(rubrics.size());
        for (RubricRecord rubric : rubrics) {
            RubricVersionRecord current = currentVersion(rubric.getId());
            int criteria = db.fetchCount(RUBRIC_CRITERION, RUBRIC_CRITERION.VERSION_ID.eq(current.getId()));
            summaries.add(new RubricSummary(rubric.getId(), rubric.getTitle(), rubric.getCourseId() == null,
                    editable(viewer, rubric), current.getVersionNumber(), current.getUsedAt() != null, criteria));
        }
        return summaries;
    }

    /** One rubric with its current version, if this viewer may read it. */
    @Transactional(readOnly = true)
    public Rubric rubric(long rubricId) {
        Viewer viewer = currentViewer.require();
        return view(viewer, readableRubric(viewer, rubricId));
    }

    /** One version of a rubric, current or not, e.g. the one a score was given with. */
    @Transactional(readOnly = true)
    public RubricVersion version(long versionId) {
        Viewer viewer = currentViewer.require();
        RubricVersionRecord version = db.selectFrom(RUBRIC_VERSION).where(RUBRIC_VERSION.ID.eq(versionId)).fetchOne();
        if (version == null) {
            throw notFound();
        }
        readableRubric(viewer, version.getRubricId());
        return version(version);
    }

    /** The performance indicators of the frameworks this course may read, for aligning criteria. */
    @Transactional(readOnly = true)
    public List<IndicatorChoice> indicators() {
        currentViewer.requireTeacher();
        List<IndicatorChoice> choices = new ArrayList<>();
        for (StandardsFramework framework : standards.frameworks()) {
            for (StandardItem item : standards.items(framework.id(), false)) {
                if (item.level() == Level.INDICATOR) {
                    choices.add(new IndicatorChoice(item.id(), item.code(), item.statement(), framework.title()));
                }
            }
        }
        return choices;
    }

    /** Starts an empty rubric of the course, version 1, on the levels of the course's scale. Teachers only. */
    @Transactional
    public Rubric create(String title) {
        Viewer viewer = currentViewer.requireTeacher();
        String clean = title(title);
        LocalDateTime now = now();
        long rubricId = insertRubric(viewer, viewer.courseId(), clean, null, now);
        long versionId = insertVersion(rubricId, 1, viewer, now);
        List<LevelView> levels = scales.scaleOfMyCourse().levels();
        for (LevelView level : levels) {
            db.insertInto(RUBRIC_VERSION_LEVEL)
                    .set(RUBRIC_VERSION_LEVEL.VERSION_ID, versionId)
                    .set(RUBRIC_VERSION_LEVEL.POSITION, level.position())
                    .set(RUBRIC_VERSION_LEVEL.POINTS, level.points())
                    .set(RUBRIC_VERSION_LEVEL.LABEL, level.label())
                    .set(RUBRIC_VERSION_LEVEL.COLOUR, level.colour())
                    .set(RUBRIC_VERSION_LEVEL.MASTERY, level.mastery())
                    .execute();
        }
        return rubric(rubricId);
    }

    /**
     * Saves the draft as the rubric's content. When the current version is in use for scores, the
     * draft becomes a new version (with the same levels) and the used one stays as it was; otherwise
     * the current version changes in place. Every rule is checked before anything is written, and
     * everything is written in one transaction. Teachers of the owning course only.
     *
     * @throws RubricRejectedException when the draft breaks a rule
     * @throws RubricConflictException when someone saved the rubric since {@code draft.baseRevision()}
     */
    @Transactional
    public Rubric save(long rubricId, RubricDraft draft) {
        Viewer viewer = currentViewer.requireTeacher();
        RubricRecord rubric = editableRubric(viewer, rubricId);
        RubricVersionRecord current = currentVersion(rubricId);
        List<RubricVersion.Level> levels = levels(current.getId());
        Set<Long> visible = new HashSet<>();
        indicators().forEach(choice -> visible.add(choice.id()));
        List<RubricProblem> problems = RubricRules.check(draft, levels.size(), visible);
        if (!problems.isEmpty()) {
            throw new RubricRejectedException(problems);
        }
        LocalDateTime now = now();
        // The revision check and the bump are one statement, so of two racing saves only one wins.
        int updated = db.update(RUBRIC)
                .set(RUBRIC.TITLE, draft.title().strip())
                .set(RUBRIC.REVISION, RUBRIC.REVISION.plus(1))
                .set(RUBRIC.UPDATED_AT, now)
                .where(RUBRIC.ID.eq(rubric.getId()), RUBRIC.REVISION.eq(draft.baseRevision()))
                .execute();
        if (updated == 0) {
            throw new RubricConflictException();
        }
        // Lock the version row, so a score marking it used cannot slip in between the check and the edit.
        current = db.selectFrom(RUBRIC_VERSION).where(RUBRIC_VERSION.ID.eq(current.getId())).forUpdate().fetchSingle();
        long versionId;
        if (current.getUsedAt() != null) {
            versionId = insertVersion(rubricId, current.getVersionNumber() + 1, viewer, now);
            insertLevels(versionId, levels);
        } else {
            versionId = current.getId();
            deleteContent(versionId);
        }
        insertContent(versionId, draft.criteria(), draft.exemplars());
        return rubric(rubricId);
    }

    /**
     * Records that a score was given with this version, which freezes it: the next save of the
     * rubric makes a new version. The evidence feature calls this when it scores. Teachers only.
     */
    @Transactional
    public void markVersionUsed(long versionId) {
        Viewer viewer = currentViewer.requireTeacher();
        RubricVersionRecord version = db.selectFrom(RUBRIC_VERSION).where(RUBRIC_VERSION.ID.eq(versionId)).fetchOne();
        if (version == null) {
            throw notFound();
        }
        readableRubric(viewer, version.getRubricId());
        db.update(RUBRIC_VERSION).set(RUBRIC_VERSION.USED_AT, now())
                .where(RUBRIC_VERSION.ID.eq(versionId), RUBRIC_VERSION.USED_AT.isNull()).execute();
    }

    /**
     * For a score given with {@code versionId} as the teacher saw it at {@code revision}: refused when
     * that is no longer the rubric's current content (a save since then changed the revision, edited
     * the version in place or made a new one); otherwise the version is marked used, which freezes
     * it, and returned. The rubric row stays locked until the caller's transaction ends, so no save
     * can edit the version in place between this check and the score. Teachers only.
     *
     * @throws RubricConflictException when the rubric changed since {@code revision}
     */
    @Transactional
    public ScoringRubric useForScoring(long rubricId, long versionId, int revision) {
        Viewer viewer = currentViewer.requireTeacher();
        RubricRecord locked = db.selectFrom(RUBRIC).where(RUBRIC.ID.eq(rubricId), readable(viewer)).forUpdate().fetchOne();
        if (locked == null) {
            throw notFound();
        }
        RubricVersionRecord current = currentVersion(rubricId);
        if (locked.getRevision() != revision || current.getId() != versionId) {
            throw new RubricConflictException();
        }
        if (current.getUsedAt() == null) {
            current.setUsedAt(now());
            current.update();
        }
        List<ScoringRubric.Criterion> criteria = db.select(RUBRIC_CRITERION.ID, RUBRIC_CRITERION.TITLE,
                        RUBRIC_CRITERION.INDICATOR_ITEM_ID).from(RUBRIC_CRITERION)
                .where(RUBRIC_CRITERION.VERSION_ID.eq(versionId)).orderBy(RUBRIC_CRITERION.POSITION)
                .fetch(r -> new ScoringRubric.Criterion(r.value1(), r.value2(), r.value3()));
        return new ScoringRubric(versionId, criteria, levels(versionId));
    }

    /** Copies a readable rubric's current version into a new rubric of the course. Teachers only. */
    @Transactional
    public Rubric copy(long rubricId, String title) {
        Viewer viewer = currentViewer.requireTeacher();
        RubricRecord source = readableRubric(viewer, rubricId);
        return rubric(duplicate(viewer, source, viewer.courseId(), title(title)));
    }

    /**
     * Shares a copy of the course's rubric with every course of the platform, where it is read-only
     * (courses copy it to change it). The course keeps its own rubric. Teachers only.
     */
    @Transactional
    public Rubric shareToPlatform(long rubricId) {
        Viewer viewer = currentViewer.requireTeacher();
        RubricRecord source = editableRubric(viewer, rubricId);
        if (db.fetchCount(RUBRIC_CRITERION, RUBRIC_CRITERION.VERSION_ID.eq(currentVersion(rubricId).getId())) == 0) {
            throw new RubricRejectedException(List.of(
                    new RubricProblem("rubric.error.share-empty", RubricProblem.Field.CRITERIA, null, null)));
        }
        return rubric(duplicate(viewer, source, null, source.getTitle()));
    }

    /**
     * Course copy: makes the given rubrics (a unit's summative assessments) usable in the viewer's
     * course and says which rubric to use for each. Rubrics the course already reads (its own, the
     * platform's) stay as they are. Another course's rubric on the same platform is copied (its
     * current version: levels, criteria with their indicators brought along by
     * {@link StandardsLibrary#adoptItemsForCourseCopy}, descriptors, exemplars) into the course, once:
     * a later copy of the same course reuses it ({@code shared_from_rubric_id}). Teachers only. The
     * caller must have established that the viewer's course continues the source course (the
     * deeplinking feature does so from a link the LMS signed); another platform's rubrics, and ids
     * that do not exist, are refused like missing ones.
     *
     * @return for every given id, the id of the rubric to use in the viewer's course
     */
    @Transactional
    public Map<Long, Long> adoptRubricsForCourseCopy(Set<Long> rubricIds) {
        Viewer viewer = currentViewer.requireTeacher();
        Map<Long, Long> result = new HashMap<>();
        for (Long rubricId : rubricIds) {
            RubricRecord rubric = db.selectFrom(RUBRIC)
                    .where(RUBRIC.ID.eq(rubricId), RUBRIC.PLATFORM_ID.eq(viewer.platformId())).fetchOne();
            if (rubric == null) {
                throw notFound();
            }
            if (rubric.getCourseId() == null || rubric.getCourseId() == viewer.courseId()) {
                result.put(rubricId, rubricId);
                continue;
            }
            Long earlier = db.select(RUBRIC.ID).from(RUBRIC)
                    .where(RUBRIC.COURSE_ID.eq(viewer.courseId()), RUBRIC.SHARED_FROM_RUBRIC_ID.eq(rubricId),
                            RUBRIC.ARCHIVED_AT.isNull())
                    .orderBy(RUBRIC.ID).limit(1).fetchOne(RUBRIC.ID);
            if (earlier != null) {
                result.put(rubricId, earlier);
                continue;
            }
            RubricVersion from = version(currentVersion(rubricId));
            Set<Long> indicators = new HashSet<>();
            from.criteria().forEach(c -> indicators.add(c.indicatorId()));
            Map<Long, Long> adopted = standards.adoptItemsForCourseCopy(indicators);
            LocalDateTime now = now();
            long copyId = insertRubric(viewer, viewer.courseId(), rubric.getTitle(), rubricId, now);
            long versionId = insertVersion(copyId, 1, viewer, now);
            insertLevels(versionId, from.levels());
            insertContent(versionId, from.criteria().stream()
                    .map(c -> new RubricDraft.Criterion(c.title(), adopted.get(c.indicatorId()), c.description(),
                            c.descriptors(), c.exemplars()))
                    .toList(), from.exemplars());
            result.put(rubricId, copyId);
        }
        return result;
    }

    /** Takes the rubric out of the library list. Its versions stay for the scores given with them. */
    @Transactional
    public void archive(long rubricId) {
        Viewer viewer = currentViewer.requireTeacher();
        RubricRecord rubric = editableRubric(viewer, rubricId);
        LocalDateTime now = now();
        db.update(RUBRIC).set(RUBRIC.ARCHIVED_AT, now).set(RUBRIC.UPDATED_AT, now)
                .set(RUBRIC.REVISION, RUBRIC.REVISION.plus(1))
                .where(RUBRIC.ID.eq(rubric.getId()), RUBRIC.ARCHIVED_AT.isNull()).execute();
    }

    // --- access ---

    private static Condition readable(Viewer viewer) {
        return RUBRIC.PLATFORM_ID.eq(viewer.platformId())
                .and(RUBRIC.COURSE_ID.eq(viewer.courseId()).or(RUBRIC.COURSE_ID.isNull()));
    }

    private RubricRecord readableRubric(Viewer viewer, long rubricId) {
        RubricRecord rubric = db.selectFrom(RUBRIC).where(RUBRIC.ID.eq(rubricId), readable(viewer)).fetchOne();
        if (rubric == null) {
            throw notFound();
        }
        return rubric;
    }

    private RubricRecord editableRubric(Viewer viewer, long rubricId) {
        RubricRecord rubric = readableRubric(viewer, rubricId);
        if (!editable(viewer, rubric)) {
            throw new AccessDeniedException("Rubrics shared with the platform are read-only; copy one to change it");
        }
        return rubric;
    }

    private static boolean editable(Viewer viewer, RubricRecord rubric) {
        return viewer.isTeacher() && rubric.getCourseId() != null && rubric.getCourseId() == viewer.courseId();
    }

    private static AccessDeniedException notFound() {
        // The same answer for "missing" and "another course's", so ids reveal nothing.
        return new AccessDeniedException("No such rubric in this course");
    }

    // --- writing ---

    private static String title(@Nullable String title) {
        String clean = title == null ? "" : title.strip();
        if (clean.isEmpty() || clean.length() > RubricRules.MAX_TITLE) {
            throw new RubricRejectedException(List.of(new RubricProblem(
                    clean.isEmpty() ? "rubric.error.title-blank" : "rubric.error.title-long",
                    RubricProblem.Field.TITLE, null, null)));
        }
        return clean;
    }

    private long insertRubric(Viewer viewer, @Nullable Long courseId, String title, @Nullable Long sharedFrom,
                              LocalDateTime now) {
        return db.insertInto(RUBRIC)
                .set(RUBRIC.PLATFORM_ID, viewer.platformId())
                .set(RUBRIC.COURSE_ID, courseId)
                .set(RUBRIC.TITLE, title)
                .set(RUBRIC.SHARED_FROM_RUBRIC_ID, sharedFrom)
                .set(RUBRIC.REVISION, 1)
                .set(RUBRIC.CREATED_AT, now)
                .set(RUBRIC.UPDATED_AT, now)
                .returningResult(RUBRIC.ID).fetchSingle().value1();
    }

    private long insertVersion(long rubricId, int number, Viewer viewer, LocalDateTime now) {
        return db.insertInto(RUBRIC_VERSION)
                .set(RUBRIC_VERSION.RUBRIC_ID, rubricId)
                .set(RUBRIC_VERSION.VERSION_NUMBER, number)
                .set(RUBRIC_VERSION.CREATED_AT, now)
                .set(RUBRIC_VERSION.CREATED_BY, viewer.personId())
                .returningResult(RUBRIC_VERSION.ID).fetchSingle().value1();
    }

    private void insertLevels(long versionId, List<RubricVersion.Level> levels) {
        for (RubricVersion.Level level : levels) {
            db.insertInto(RUBRIC_VERSION_LEVEL)
                    .set(RUBRIC_VERSION_LEVEL.VERSION_ID, versionId)
                    .set(RUBRIC_VERSION_LEVEL.POSITION, level.position())
                    .set(RUBRIC_VERSION_LEVEL.POINTS, level.points())
                    .set(RUBRIC_VERSION_LEVEL.LABEL, level.label())
                    .set(RUBRIC_VERSION_LEVEL.COLOUR, level.colour())
                    .set(RUBRIC_VERSION_LEVEL.MASTERY, level.mastery())
                    .execute();
        }
    }

    /** A new rubric (of a course, or of the platform when courseId is null) holding a copy of the source's current version. */
    private long duplicate(Viewer viewer, RubricRecord source, @Nullable Long courseId, String title) {
        LocalDateTime now = now();
        RubricVersion from = version(currentVersion(source.getId()));
        long rubricId = insertRubric(viewer, courseId, title, source.getId(), now);
        long versionId = insertVersion(rubricId, 1, viewer, now);
        insertLevels(versionId, from.levels());
        List<RubricDraft.Criterion> criteria = from.criteria().stream()
                .map(c -> new RubricDraft.Criterion(c.title(), c.indicatorId(), c.description(), c.descriptors(),
                        c.exemplars()))
                .toList();
        insertContent(versionId, criteria, from.exemplars());
        return rubricId;
    }

    private void deleteContent(long versionId) {
        db.deleteFrom(RUBRIC_EXEMPLAR).where(RUBRIC_EXEMPLAR.VERSION_ID.eq(versionId)).execute();
        db.deleteFrom(RUBRIC_CELL).where(RUBRIC_CELL.CRITERION_ID.in(
                db.select(RUBRIC_CRITERION.ID).from(RUBRIC_CRITERION).where(RUBRIC_CRITERION.VERSION_ID.eq(versionId))))
                .execute();
        db.deleteFrom(RUBRIC_CRITERION).where(RUBRIC_CRITERION.VERSION_ID.eq(versionId)).execute();
    }

    private void insertContent(long versionId, List<RubricDraft.Criterion> criteria, List<Exemplar> exemplars) {
        for (int row = 0; row < criteria.size(); row++) {
            RubricDraft.Criterion criterion = criteria.get(row);
            long criterionId = db.insertInto(RUBRIC_CRITERION)
                    .set(RUBRIC_CRITERION.VERSION_ID, versionId)
                    .set(RUBRIC_CRITERION.POSITION, row)
                    .set(RUBRIC_CRITERION.TITLE, criterion.title().strip())
                    .set(RUBRIC_CRITERION.INDICATOR_ITEM_ID, criterion.indicatorId())
                    .set(RUBRIC_CRITERION.DESCRIPTION, blankToNull(criterion.description()))
                    .returningResult(RUBRIC_CRITERION.ID).fetchSingle().value1();
            for (int level = 0; level < criterion.descriptors().size(); level++) {
                db.insertInto(RUBRIC_CELL)
                        .set(RUBRIC_CELL.CRITERION_ID, criterionId)
                        .set(RUBRIC_CELL.LEVEL_POSITION, level)
                        .set(RUBRIC_CELL.DESCRIPTOR, criterion.descriptors().get(level).strip())
                        .execute();
            }
            insertExemplars(versionId, criterionId, criterion.exemplars());
        }
        insertExemplars(versionId, null, exemplars);
    }

    private void insertExemplars(long versionId, @Nullable Long criterionId, List<Exemplar> exemplars) {
        for (int i = 0; i < exemplars.size(); i++) {
            Exemplar exemplar = exemplars.get(i);
            db.insertInto(RUBRIC_EXEMPLAR)
                    .set(RUBRIC_EXEMPLAR.VERSION_ID, versionId)
                    .set(RUBRIC_EXEMPLAR.CRITERION_ID, criterionId)
                    .set(RUBRIC_EXEMPLAR.POSITION, i)
                    .set(RUBRIC_EXEMPLAR.KIND, exemplar.kind().name())
                    .set(RUBRIC_EXEMPLAR.BODY, blankToNull(exemplar.text()))
                    .set(RUBRIC_EXEMPLAR.URL, exemplar.kind() == Exemplar.Kind.LINK ? blankToNull(exemplar.url()) : null)
                    .execute();
        }
    }

    // --- reading ---

    private RubricVersionRecord currentVersion(long rubricId) {
        return db.selectFrom(RUBRIC_VERSION).where(RUBRIC_VERSION.RUBRIC_ID.eq(rubricId))
                .orderBy(RUBRIC_VERSION.VERSION_NUMBER.desc()).limit(1).fetchSingle();
    }

    private Rubric view(Viewer viewer, RubricRecord rubric) {
        return new Rubric(rubric.getId(), rubric.getTitle(), rubric.getCourseId() == null, editable(viewer, rubric),
                rubric.getArchivedAt() != null, rubric.getRevision(), version(currentVersion(rubric.getId())));
    }

    private List<RubricVersion.Level> levels(long versionId) {
        return db.selectFrom(RUBRIC_VERSION_LEVEL).where(RUBRIC_VERSION_LEVEL.VERSION_ID.eq(versionId))
                .orderBy(RUBRIC_VERSION_LEVEL.POSITION)
                .fetch(l -> new RubricVersion.Level(l.getPosition(), l.getPoints(), l.getLabel(), l.getColour(),
                        l.getMastery()));
    }

    private RubricVersion version(RubricVersionRecord version) {
        long versionId = version.getId();
        Map<Long, List<String>> cells = new HashMap<>();
        db.select(RUBRIC_CELL.CRITERION_ID, RUBRIC_CELL.DESCRIPTOR).from(RUBRIC_CELL)
                .join(RUBRIC_CRITERION).on(RUBRIC_CRITERION.ID.eq(RUBRIC_CELL.CRITERION_ID))
                .where(RUBRIC_CRITERION.VERSION_ID.eq(versionId))
                .orderBy(RUBRIC_CELL.CRITERION_ID, RUBRIC_CELL.LEVEL_POSITION)
                .forEach(r -> cells.computeIfAbsent(r.value1(), key -> new ArrayList<>()).add(r.value2()));
        Map<@Nullable Long, List<Exemplar>> exemplars = new HashMap<>();
        db.selectFrom(RUBRIC_EXEMPLAR).where(RUBRIC_EXEMPLAR.VERSION_ID.eq(versionId))
                .orderBy(RUBRIC_EXEMPLAR.POSITION, RUBRIC_EXEMPLAR.ID)
                .forEach(r -> exemplars.computeIfAbsent(r.getCriterionId(), key -> new ArrayList<>())
                        .add(new Exemplar(Exemplar.Kind.valueOf(r.getKind()), r.getBody(), r.getUrl())));
        // The indicator's code and statement are read as the standards library has them now, for display only.
        List<RubricVersion.Criterion> criteria = db.select(RUBRIC_CRITERION.ID, RUBRIC_CRITERION.TITLE,
                        RUBRIC_CRITERION.INDICATOR_ITEM_ID, STANDARD_ITEM.CODE, STANDARD_ITEM.STATEMENT,
                        RUBRIC_CRITERION.DESCRIPTION)
                .from(RUBRIC_CRITERION).join(STANDARD_ITEM).on(STANDARD_ITEM.ID.eq(RUBRIC_CRITERION.INDICATOR_ITEM_ID))
                .where(RUBRIC_CRITERION.VERSION_ID.eq(versionId)).orderBy(RUBRIC_CRITERION.POSITION)
                .fetch(r -> new RubricVersion.Criterion(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6(), cells.getOrDefault(r.value1(), List.of()),
                        exemplars.getOrDefault(r.value1(), List.of())));
        return new RubricVersion(versionId, version.getVersionNumber(), version.getUsedAt() != null,
                levels(versionId), criteria, exemplars.getOrDefault(null, List.of()));
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
    }
}
