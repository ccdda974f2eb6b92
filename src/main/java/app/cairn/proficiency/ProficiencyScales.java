package app.cairn.proficiency;

import static cairn.schema.Tables.PLATFORM;
import static cairn.schema.Tables.PROFICIENCY_LEVEL;
import static cairn.schema.Tables.PROFICIENCY_SCALE;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.cairn.shared.CurrentViewer;
import app.cairn.shared.Viewer;
import cairn.schema.tables.records.ProficiencyScaleRecord;

/**
 * The proficiency scale a course scores on: its own, or else its platform's default. Every method
 * finds the course from the server-side session ({@link CurrentViewer}); no id comes from the browser.
 */
@Service
public class ProficiencyScales {

    private static final String BUNDLE = "vaadin-i18n.translations";
    // Colours with at least 3:1 against white, so the swatches read as objects on the page.
    private static final List<String> DEFAULT_COLOURS = List.of("#c62828", "#b45309", "#2e7d32", "#1565c0");
    private static final int DEFAULT_MASTERY = 2;

    private final DSLContext db;
    private final Clock clock;
    private final CurrentViewer currentViewer;
    private final ApplicationEventPublisher events;

    ProficiencyScales(DSLContext db, Clock clock, CurrentViewer currentViewer, ApplicationEventPublisher events) {
        this.db = db;
        this.clock = clock;
        this.currentViewer = currentViewer;
        this.events = events;
    }

    /**
     * The scale of the viewer's course: its own if it has one, else the platform default, which is
     * created (1 Beginning, 2 Developing, 3 Proficient as mastery, 4 Exceeding) on first use.
     */
    @Transactional
    public ScaleView scaleOfMyCourse() {
        Viewer viewer = currentViewer.require();
        ProficiencyScaleRecord own = courseScale(viewer);
        return own != null ? view(own) : view(platformDefault(viewer));
    }

    /**
     * Saves the draft as the course's own scale, creating or replacing it. Teachers only. Every rule
     * is checked before anything is written, and all is written in one transaction.
     *
     * @throws ScaleRejectedException when the draft breaks a rule
     * @throws ScaleConflictException when someone changed the course's scale since {@code draft.baseRevision()}
     */
    @Transactional
    public ScaleView saveScaleOfMyCourse(ScaleDraft draft) {
        Viewer viewer = currentViewer.requireTeacher();
        List<ScaleProblem> problems = ScaleRules.check(draft);
        if (!problems.isEmpty()) {
            throw new ScaleRejectedException(problems);
        }
        LocalDateTime now = now();
        String name = draft.name() == null ? "" : draft.name().strip();
        ProficiencyScaleRecord own = courseScale(viewer);
        long scaleId;
        if (draft.baseRevision() == null) {
            if (own != null) {
                throw new ScaleConflictException();
            }
            scaleId = insertScale(viewer, viewer.courseId(), name, now);
        } else {
            if (own == null) {
                throw new ScaleConflictException();
            }
            // The revision check and the bump are one statement, so of two racing saves only one wins.
            int updated = db.update(PROFICIENCY_SCALE)
                    .set(PROFICIENCY_SCALE.NAME, name)
                    .set(PROFICIENCY_SCALE.REVISION, PROFICIENCY_SCALE.REVISION.plus(1))
                    .set(PROFICIENCY_SCALE.UPDATED_AT, now)
                    .where(PROFICIENCY_SCALE.ID.eq(own.getId()), PROFICIENCY_SCALE.REVISION.eq(draft.baseRevision()))
                    .execute();
            if (updated == 0) {
                throw new ScaleConflictException();
            }
            scaleId = own.getId();
            db.deleteFrom(PROFICIENCY_LEVEL).where(PROFICIENCY_LEVEL.SCALE_ID.eq(scaleId)).execute();
        }
        insertLevels(scaleId, draft.levels());
        // Levels and mastery may have moved: stored proficiencies are calculated again before this commits.
        events.publishEvent(new ProficiencyPolicyChanged(viewer.courseId()));
        return view(db.selectFrom(PROFICIENCY_SCALE).where(PROFICIENCY_SCALE.ID.eq(scaleId)).fetchSingle());
    }

    /** Drops the course's own scale, so the course uses the platform default again. Teachers only. */
    @Transactional
    public void useDefaultScaleInMyCourse() {
        Viewer viewer = currentViewer.requireTeacher();
        ProficiencyScaleRecord own = courseScale(viewer);
        if (own != null) {
            db.deleteFrom(PROFICIENCY_LEVEL).where(PROFICIENCY_LEVEL.SCALE_ID.eq(own.getId())).execute();
            db.deleteFrom(PROFICIENCY_SCALE).where(PROFICIENCY_SCALE.ID.eq(own.getId())).execute();
            events.publishEvent(new ProficiencyPolicyChanged(viewer.courseId()));
        }
    }

    private @Nullable ProficiencyScaleRecord courseScale(Viewer viewer) {
        return db.selectFrom(PROFICIENCY_SCALE)
                .where(PROFICIENCY_SCALE.PLATFORM_ID.eq(viewer.platformId()),
                        PROFICIENCY_SCALE.COURSE_ID.eq(viewer.courseId()))
                .fetchOne();
    }

    private @Nullable ProficiencyScaleRecord findDefault(long platformId) {
        return db.selectFrom(PROFICIENCY_SCALE)
                .where(PROFICIENCY_SCALE.PLATFORM_ID.eq(platformId), PROFICIENCY_SCALE.COURSE_ID.isNull())
                .fetchOne();
    }

    private ProficiencyScaleRecord platformDefault(Viewer viewer) {
        ProficiencyScaleRecord found = findDefault(viewer.platformId());
        if (found != null) {
            return found;
        }
        // The unique key cannot guard a NULL course_id, so the first use locks the platform row:
        // of two courses opening at once, the second waits and then finds the first one's default.
        db.select(PLATFORM.ID).from(PLATFORM).where(PLATFORM.ID.eq(viewer.platformId())).forUpdate().fetchSingle();
        found = findDefault(viewer.platformId());
        if (found != null) {
            return found;
        }
        ResourceBundle words = ResourceBundle.getBundle(BUNDLE, viewer.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        long id = insertScale(viewer, null, words.getString("scale.default.name"), now());
        List<LevelDraft> levels = new java.util.ArrayList<>();
        for (int i = 0; i < DEFAULT_COLOURS.size(); i++) {
            String key = "scale.default.level" + (i + 1);
            levels.add(new LevelDraft(BigDecimal.valueOf(i + 1), words.getString(key + ".label"),
                    words.getString(key + ".description"), DEFAULT_COLOURS.get(i), i == DEFAULT_MASTERY));
        }
        insertLevels(id, levels);
        return db.selectFrom(PROFICIENCY_SCALE).where(PROFICIENCY_SCALE.ID.eq(id)).fetchSingle();
    }

    private long insertScale(Viewer viewer, @Nullable Long courseId, String name, LocalDateTime now) {
        try {
            return db.insertInto(PROFICIENCY_SCALE)
                    .set(PROFICIENCY_SCALE.PLATFORM_ID, viewer.platformId())
                    .set(PROFICIENCY_SCALE.COURSE_ID, courseId)
                    .set(PROFICIENCY_SCALE.NAME, name)
                    .set(PROFICIENCY_SCALE.REVISION, 1)
                    .set(PROFICIENCY_SCALE.CREATED_AT, now)
                    .set(PROFICIENCY_SCALE.UPDATED_AT, now)
                    .returningResult(PROFICIENCY_SCALE.ID)
                    .fetchSingle().value1();
        } catch (IntegrityConstraintViolationException | DuplicateKeyException e) {
            // Another teacher created the course's own scale a moment ago.
            throw new ScaleConflictException();
        }
    }

    private void insertLevels(long scaleId, List<LevelDraft> levels) {
        var insert = db.insertInto(PROFICIENCY_LEVEL, PROFICIENCY_LEVEL.SCALE_ID, PROFICIENCY_LEVEL.POSITION,
                PROFICIENCY_LEVEL.POINTS, PROFICIENCY_LEVEL.LABEL, PROFICIENCY_LEVEL.DESCRIPTION,
                PROFICIENCY_LEVEL.COLOUR, PROFICIENCY_LEVEL.MASTERY);
        for (int i = 0; i < levels.size(); i++) {
            LevelDraft level = levels.get(i);
            insert = insert.values(scaleId, i, level.points(), level.label() == null ? "" : level.label().strip(),
                    level.description() == null ? "" : level.description().strip(),
                    level.colour() == null ? "" : level.colour().toLowerCase(Locale.ROOT), level.mastery());
        }
        insert.execute();
    }

    private ScaleView view(ProficiencyScaleRecord scale) {
        List<LevelView> levels = db.selectFrom(PROFICIENCY_LEVEL)
                .where(PROFICIENCY_LEVEL.SCALE_ID.eq(scale.getId()))
                .orderBy(PROFICIENCY_LEVEL.POSITION)
                .fetch(level -> new LevelView(level.getPosition(), level.getPoints(), level.getLabel(),
                        level.getDescription(), level.getColour(), level.getMastery()));
        return new ScaleView(scale.getId(), scale.getName(), scale.getCourseId() != null, scale.getRevision(), levels);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
    }
}
