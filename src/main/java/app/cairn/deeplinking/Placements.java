package app.cairn.deeplinking;

import static cairn.schema.Tables.LTI_RESOURCE_LINK;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.cairn.gradebook.Gradebook;
import app.cairn.lti.DeepLinkItem;
import app.cairn.lti.DeepLinking;
import app.cairn.lti.LaunchDestinations;
import app.cairn.lti.ResourceLinkLaunch;
import app.cairn.proficiency.LevelView;
import app.cairn.proficiency.ProficiencyScales;
import app.cairn.shared.CurrentViewer;
import app.cairn.shared.Viewer;
import app.cairn.unit.UnitLink;
import app.cairn.unit.UnitStatus;
import app.cairn.unit.Units;
import cairn.schema.tables.records.LtiResourceLinkRecord;

/**
 * What LMS links open, and how units get into LMS courses. Every method reads the viewer on the
 * server: only teachers of the course place units, tie links or copy units; ids from the browser
 * (links, units, requests) are checked against the viewer's course and answer like missing ones
 * otherwise. Launches call {@link #afterResourceLinkLaunch}: a link opens the unit it was tied to,
 * or the unit its {@code cairn_unit_id} names in this course, or, after a course copy, that unit's
 * copy here; a teacher sets up anything else, and students are told it is not set up yet.
 */
@Service
public class Placements implements LaunchDestinations {

    /** The tag of the gradebook columns of placed units, so the LMS and Cairn find them again. */
    public static final String LINE_ITEM_TAG = "cairn-proficiency";

    static final String NOT_SET_UP = "/not-set-up";
    static final String NOT_OPEN_YET = "/not-set-up?reason=unit-draft";
    /** Unit keys are UUIDs; anything else in a link is refused before it reaches a query. */
    private static final Pattern UNIT_KEY = Pattern.compile("[0-9a-fA-F-]{36}");
    private static final Logger log = LoggerFactory.getLogger(Placements.class);
    private static final Logger securityLog = LoggerFactory.getLogger("app.cairn.security.lti");

    private final DSLContext db;
    private final Clock clock;
    private final CurrentViewer currentViewer;
    private final Units units;
    private final DeepLinking deepLinking;
    private final Gradebook gradebook;
    private final ProficiencyScales scales;

    Placements(DSLContext db, Clock clock, CurrentViewer currentViewer, Units units, DeepLinking deepLinking,
               Gradebook gradebook, ProficiencyScales scales) {
        this.db = db;
        this.clock = clock;
        this.currentViewer = currentViewer;
        this.units = units;
        this.deepLinking = deepLinking;
        this.gradebook = gradebook;
        this.scales = scales;
    }

    // --- launches ---

    /**
     * Records the link and answers where it goes. The link's parameters are signed by the LMS, so a
     * unit key in them ties the link at once, even when a student launches first.
     */
    @Override
    @Transactional
    public String afterResourceLinkLaunch(ResourceLinkLaunch link) {
        Viewer viewer = currentViewer.require();
        String key = unitKey(viewer, link);
        LtiResourceLinkRecord row = record(viewer, link, key);
        if (row.getUnitId() != null) {
            Optional<UnitLink> unit = units.inMyCourse(row.getUnitId());
            if (unit.isPresent()) {
                return destination(viewer, unit.get());
            }
        }
        if (key != null) {
            Optional<UnitLink> unit = units.inMyCourseByKey(key).or(() -> units.copyInMyCourse(key));
            if (unit.isPresent()) {
                tie(row, unit.get(), null);
                return destination(viewer, unit.get());
            }
        }
        if (row.getCourseHome()
                || ResourceLinkLaunch.LINK_COURSE_HOME.equals(link.custom().get(ResourceLinkLaunch.LINK_PARAMETER))) {
            return home(viewer);
        }
        if (!viewer.isTeacher()) {
            // Students wait for their teacher: tying links and copying units are the teacher's to do.
            return NOT_SET_UP;
        }
        if (key != null) {
            if (units.hasCopySource(key)) {
                return "/links/" + row.getId() + "/copy";
            }
            securityLog.warn("LTI link names a unit Cairn cannot find: platform={} course={} link={} unit_key={}",
                    viewer.platformId(), viewer.courseId(), link.resourceLinkId(), key);
        }
        return "/links/" + row.getId();
    }

    @Override
    public String deepLinkingPicker(String requestId) {
        return "/deep-linking/" + requestId;
    }

    // --- deep linking ---

    /** The viewer's open deep linking request, if it is theirs and still waits. Teachers only. */
    @Transactional(readOnly = true)
    public Optional<PickRequest> pickRequest(String requestId) {
        currentViewer.requireTeacher();
        return deepLinking.request(requestId).map(r -> new PickRequest(r.id(), r.acceptMultiple()));
    }

    /** The course's units a teacher may place, in the order of the unit list. */
    @Transactional(readOnly = true)
    public List<UnitLink> units() {
        return units.linkableUnits();
    }

    /** Starts a new draft unit in the course, right from the picker. Teachers only. */
    @Transactional
    public UnitLink createUnit(String title) {
        long id = units.create(title).id();
        return units.inMyCourse(id).orElseThrow();
    }

    /**
     * Answers the deep linking request with links to these units of the course (exactly one when
     * the LMS takes one), each with its gradebook column, which is also declared in Cairn's gradebook
     * so the unit's scores go to it. All or nothing. Teachers only.
     *
     * @return the path of the page that posts the answer to the LMS
     */
    @Transactional
    public String placeUnits(String requestId, List<Long> unitIds) {
        Viewer viewer = currentViewer.requireTeacher();
        PickRequest request = pickRequest(requestId)
                .orElseThrow(() -> new AccessDeniedException("No open deep linking request " + requestId));
        List<Long> distinct = List.copyOf(new LinkedHashSet<>(unitIds));
        if (distinct.isEmpty() || !request.acceptMultiple() && distinct.size() > 1) {
            throw new IllegalArgumentException("The LMS takes " + (request.acceptMultiple() ? "one or more units" : "one unit")
                    + ", not " + distinct.size());
        }
        double maximum = scoreMaximum();
        List<DeepLinkItem> items = new ArrayList<>();
        for (Long unitId : distinct) {
            UnitLink unit = units.inMyCourse(unitId).orElseThrow(Placements::notFound);
            defineColumn(unit, maximum);
            items.add(new DeepLinkItem(unit.title(), unit.description(),
                    Map.of(ResourceLinkLaunch.UNIT_PARAMETER, unit.key()),
                    new DeepLinkItem.LineItem(label(unit), maximum, unit.gradebookResourceId(), LINE_ITEM_TAG)));
        }
        log.info("Placing units {} in course {} (deep linking request {})", distinct, viewer.courseId(), requestId);
        return deepLinking.respond(requestId, items);
    }

    /** Answers the request with no units: the teacher cancelled. @return the path of the answering page */
    @Transactional
    public String cancelPlacing(String requestId) {
        currentViewer.requireTeacher();
        return deepLinking.respond(requestId, List.of());
    }

    // --- links not set up yet, course copy ---

    /** A link of the viewer's course that opens nothing yet. Teachers only. */
    @Transactional(readOnly = true)
    public Optional<LinkToSetUp> linkToSetUp(long linkId) {
        Viewer viewer = currentViewer.requireTeacher();
        return ownLink(viewer, linkId).filter(row -> row.getUnitId() == null && !row.getCourseHome())
                .map(row -> new LinkToSetUp(row.getId(), row.getTitle(), row.getRequestedUnitKey() != null
                        && units.inMyCourseByKey(row.getRequestedUnitKey()).isEmpty()
                        && !units.hasCopySource(row.getRequestedUnitKey())));
    }

    /**
     * Ties the link to a unit of the course: from now on it opens that unit for everyone. The unit's
     * gradebook column is declared too. Teachers only. @return where the teacher goes next
     */
    @Transactional
    public String tieLink(long linkId, long unitId) {
        Viewer viewer = currentViewer.requireTeacher();
        LtiResourceLinkRecord row = ownLink(viewer, linkId).orElseThrow(Placements::notFound);
        UnitLink unit = units.inMyCourse(unitId).orElseThrow(Placements::notFound);
        tie(row, unit, viewer.personId());
        defineColumn(unit, scoreMaximum());
        return destination(viewer, unit);
    }

    /** Makes the link open the course home, for everyone. Teachers only. @return where the teacher goes next */
    @Transactional
    public String useLinkForCourseHome(long linkId) {
        Viewer viewer = currentViewer.requireTeacher();
        LtiResourceLinkRecord row = ownLink(viewer, linkId).orElseThrow(Placements::notFound);
        row.setUnitId(null);
        row.setCourseHome(true);
        row.setTiedBy(viewer.personId());
        row.setTiedAt(now());
        row.setUpdatedAt(now());
        row.update();
        return home(viewer);
    }

    /** The unit of an earlier course that this link was made for, when it can be copied here. Teachers only. */
    @Transactional(readOnly = true)
    public Optional<CopyOffer> copyOffer(long linkId) {
        Viewer viewer = currentViewer.requireTeacher();
        return ownLink(viewer, linkId).filter(row -> row.getUnitId() == null && row.getRequestedUnitKey() != null)
                .flatMap(row -> units.copySource(row.getRequestedUnitKey())
                        .map(source -> new CopyOffer(row.getId(), row.getTitle(), source)));
    }

    /**
     * Course copy: copies the unit the link was made for into this course (once; see
     * {@link Units#copyIntoMyCourse}), ties the link to the copy, and declares the copy's gradebook
     * column under the resource id the LMS copied along. Later launches of this link, and of other
     * links here made for the same unit, open the copy. Teachers only. @return where the teacher goes next
     */
    @Transactional
    public String copyForLink(long linkId) {
        Viewer viewer = currentViewer.requireTeacher();
        LtiResourceLinkRecord row = ownLink(viewer, linkId).orElseThrow(Placements::notFound);
        if (row.getRequestedUnitKey() == null) {
            throw notFound();
        }
        UnitLink copy = units.copyIntoMyCourse(row.getRequestedUnitKey());
        tie(row, copy, viewer.personId());
        defineColumn(copy, scoreMaximum());
        log.info("Course copy: unit {} copied into course {} as unit {} for link {}", row.getRequestedUnitKey(),
                viewer.courseId(), copy.id(), row.getResourceLinkId());
        return destination(viewer, copy);
    }

    // --- helpers ---

    /** The link's unit key, when it has a well-formed one; a malformed one is logged and ignored. */
    private static @Nullable String unitKey(Viewer viewer, ResourceLinkLaunch link) {
        String key = link.custom().get(ResourceLinkLaunch.UNIT_PARAMETER);
        if (key == null || key.isBlank()) {
            return null;
        }
        key = key.strip();
        if (!UNIT_KEY.matcher(key).matches()) {
            securityLog.warn("LTI link carries a malformed unit key: platform={} course={} link={} length={}",
                    viewer.platformId(), viewer.courseId(), link.resourceLinkId(), key.length());
            return null;
        }
        return key.toLowerCase(java.util.Locale.ROOT);
    }

    /** Creates or updates the link's row: title and requested key as the latest launch says. */
    private LtiResourceLinkRecord record(Viewer viewer, ResourceLinkLaunch link, @Nullable String key) {
        LocalDateTime now = now();
        String title = link.title() == null || link.title().isBlank() ? null
                : link.title().length() > 300 ? link.title().substring(0, 300) : link.title();
        var where = LTI_RESOURCE_LINK.COURSE_ID.eq(viewer.courseId())
                .and(LTI_RESOURCE_LINK.RESOURCE_LINK_ID.eq(link.resourceLinkId()));
        LtiResourceLinkRecord row = db.selectFrom(LTI_RESOURCE_LINK).where(where).fetchOne();
        if (row == null) {
            db.insertInto(LTI_RESOURCE_LINK)
                    .set(LTI_RESOURCE_LINK.COURSE_ID, viewer.courseId())
                    .set(LTI_RESOURCE_LINK.RESOURCE_LINK_ID, link.resourceLinkId())
                    .set(LTI_RESOURCE_LINK.TITLE, title)
                    .set(LTI_RESOURCE_LINK.COURSE_HOME, false)
                    .set(LTI_RESOURCE_LINK.REQUESTED_UNIT_KEY, key)
                    .set(LTI_RESOURCE_LINK.CREATED_AT, now)
                    .set(LTI_RESOURCE_LINK.UPDATED_AT, now)
                    .onDuplicateKeyIgnore()
                    .execute();
            return db.selectFrom(LTI_RESOURCE_LINK).where(where).fetchSingle();
        }
        // Compare first: a class launching at once should not queue behind a lock on one row.
        if (!java.util.Objects.equals(title, row.getTitle()) || !java.util.Objects.equals(key, row.getRequestedUnitKey())) {
            row.setTitle(title);
            row.setRequestedUnitKey(key);
            row.setUpdatedAt(now);
            row.update();
        }
        return row;
    }

    private void tie(LtiResourceLinkRecord row, UnitLink unit, @Nullable Long byPersonId) {
        LocalDateTime now = now();
        row.setUnitId(unit.id());
        row.setCourseHome(false);
        row.setTiedBy(byPersonId);
        row.setTiedAt(now);
        row.setUpdatedAt(now);
        row.update();
    }

    private Optional<LtiResourceLinkRecord> ownLink(Viewer viewer, long linkId) {
        return db.selectFrom(LTI_RESOURCE_LINK)
                .where(LTI_RESOURCE_LINK.ID.eq(linkId), LTI_RESOURCE_LINK.COURSE_ID.eq(viewer.courseId()))
                .fetchOptional();
    }

    /** Teachers land on the unit's board (its builder while a draft); students on their path in it. */
    private static String destination(Viewer viewer, UnitLink unit) {
        boolean published = unit.status() == UnitStatus.PUBLISHED;
        if (viewer.isTeacher()) {
            return "/units/" + unit.id() + (published ? "/board" : "");
        }
        return published ? "/units/" + unit.id() + "/path" : NOT_OPEN_YET;
    }

    private static String home(Viewer viewer) {
        return viewer.isTeacher() ? "/teacher" : "/student";
    }

    /** Declares the unit's gradebook column in Cairn, so the unit's scores go to the LMS column the link has. */
    private void defineColumn(UnitLink unit, double maximum) {
        gradebook.defineItem(unit.gradebookResourceId(), label(unit), maximum, LINE_ITEM_TAG);
    }

    /** The column's label: the unit's title, cut to what gradebooks keep. */
    private static String label(UnitLink unit) {
        return unit.title().length() > 255 ? unit.title().substring(0, 255) : unit.title();
    }

    /** The gradebook column's maximum: the top of the course's proficiency scale. */
    private double scoreMaximum() {
        return scales.scaleOfMyCourse().levels().stream().map(LevelView::points).max(BigDecimal::compareTo)
                .orElse(BigDecimal.ONE).doubleValue();
    }

    private static AccessDeniedException notFound() {
        // The same answer for "missing" and "another course's", so ids reveal nothing.
        return new AccessDeniedException("No such link or unit in this course");
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.MILLIS);
    }
}
