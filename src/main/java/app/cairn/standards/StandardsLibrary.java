package app.cairn.standards;

import static cairn.schema.Tables.STANDARDS_FRAMEWORK;
import static cairn.schema.Tables.STANDARD_ATTRIBUTE_LINK;
import static cairn.schema.Tables.STANDARD_ITEM;

import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
import cairn.schema.tables.records.StandardItemRecord;
import cairn.schema.tables.records.StandardsFrameworkRecord;

/**
 * The course's standards library. Every method checks the viewer on the server: teachers edit
 * their course's frameworks; students read them; frameworks shared with the platform are read-only
 * for every course of that platform; another course's frameworks do not exist for this viewer.
 * Items are archived, never deleted.
 */
@Service
public class StandardsLibrary {

    /** Most graduate profiles name about six attributes; more is allowed but flagged. */
    static final int GRADUATE_ATTRIBUTE_ADVICE = 6;

    private final DSLContext db;
    private final Clock clock;
    private final CurrentViewer currentViewer;
    private final ProficiencyScales proficiencyScales;

    StandardsLibrary(DSLContext db, Clock clock, CurrentViewer currentViewer, ProficiencyScales proficiencyScales) {
        this.db = db;
        this.clock = clock;
        this.currentViewer = currentViewer;
        this.proficiencyScales = proficiencyScales;
    }

    /** The frameworks this viewer's course may read: its own, then those shared with the platform. */
    @Transactional(readOnly = true)
    public List<StandardsFramework> frameworks() {
        Viewer viewer = currentViewer.require();
        return db.selectFrom(STANDARDS_FRAMEWORK).where(readable(viewer))
                .orderBy(STANDARDS_FRAMEWORK.COURSE_ID.isNull(), STANDARDS_FRAMEWORK.TITLE, STANDARDS_FRAMEWORK.ID)
                .fetch(StandardsLibrary::framework);
    }

    /** Every item of every framework the viewer's course reads, archived ones too (scores may name them), by id. */
    @Transactional(readOnly = true)
    public Map<Long, StandardItem> readableItems() {
        Map<Long, StandardItem> items = new java.util.LinkedHashMap<>();
        for (StandardsFramework framework : frameworks()) {
            items(framework.id(), true).forEach(item -> items.put(item.id(), item));
        }
        return items;
    }

    /**
     * The standard each indicator among these items belongs to: its nearest ancestor at the
     * standard level. Indicators outside any standard are left out.
     */
    public static Map<Long, Long> standardOf(Map<Long, StandardItem> items) {
        Map<Long, Long> standardOf = new HashMap<>();
        for (StandardItem item : items.values()) {
            if (item.level() != Level.INDICATOR) {
                continue;
            }
            StandardItem up = item;
            Set<Long> seen = new HashSet<>();
            while (up != null && up.level() != Level.STANDARD && up.parentId() != null && seen.add(up.id())) {
                up = items.get(up.parentId());
            }
            if (up != null && up.level() == Level.STANDARD) {
                standardOf.put(item.id(), up.id());
            }
        }
        return standardOf;
    }

    /** Starts an empty framework of the viewer's course. */
    @Transactional
    public StandardsFramework createFramework(String title) {
        Viewer viewer = currentViewer.requireTeacher();
        String cleanTitle = required(title, "title");
        LocalDateTime now = now();
        StandardsFrameworkRecord record = db.newRecord(STANDARDS_FRAMEWORK);
        record.setPlatformId(viewer.platformId());
        record.setCourseId(viewer.courseId());
        record.setTitle(cleanTitle);
        record.setSource(FrameworkSource.MANUAL.name());
        record.setCreatedAt(now);
        record.setUpdatedAt(now);
        record.store();
        return framework(record);
    }

    /** A framework's items in tree order of their positions; archived ones only when asked for. */
    @Transactional(readOnly = true)
    public List<StandardItem> items(long frameworkId, boolean includeArchived) {
        readableFramework(currentViewer.require(), frameworkId);
        Condition where = STANDARD_ITEM.FRAMEWORK_ID.eq(frameworkId);
        if (!includeArchived) {
            where = where.and(STANDARD_ITEM.ARCHIVED_AT.isNull());
        }
        List<StandardItem> all = db.selectFrom(STANDARD_ITEM).where(where)
                .orderBy(STANDARD_ITEM.POSITION, STANDARD_ITEM.ID)
                .fetch(StandardsLibrary::item);
        return treeOrder(all);
    }

    /** Depth first, siblings by position; items whose parent is not in the list come at the top level. */
    private static List<StandardItem> treeOrder(List<StandardItem> byPosition) {
        Set<Long> present = new HashSet<>();
        byPosition.forEach(item -> present.add(item.id()));
        Map<@Nullable Long, List<StandardItem>> children = new HashMap<>();
        for (StandardItem item : byPosition) {
            Long parent = item.parentId() != null && present.contains(item.parentId()) ? item.parentId() : null;
            children.computeIfAbsent(parent, key -> new ArrayList<>()).add(item);
        }
        List<StandardItem> ordered = new ArrayList<>(byPosition.size());
        java.util.ArrayDeque<StandardItem> stack = new java.util.ArrayDeque<>();
        List<StandardItem> roots = children.getOrDefault(null, List.of());
        for (int i = roots.size() - 1; i >= 0; i--) {
            stack.push(roots.get(i));
        }
        while (!stack.isEmpty()) {
            StandardItem item = stack.pop();
            ordered.add(item);
            List<StandardItem> kids = children.getOrDefault(item.id(), List.of());
            for (int i = kids.size() - 1; i >= 0; i--) {
                stack.push(kids.get(i));
            }
        }
        return List.copyOf(ordered);
    }

    /** Adds an item at the end of its parent's children (or of the top level when parentId is null). */
    @Transactional
    public Saved addItem(long frameworkId, @Nullable Long parentId, ItemDraft draft) {
        Viewer viewer = currentViewer.requireTeacher();
        editableFramework(viewer, frameworkId);
        if (parentId != null) {
            StandardItemRecord parent = db.selectFrom(STANDARD_ITEM).where(STANDARD_ITEM.ID.eq(parentId),
                    STANDARD_ITEM.FRAMEWORK_ID.eq(frameworkId), STANDARD_ITEM.ARCHIVED_AT.isNull()).fetchOne();
            if (parent == null) {
                throw new StandardsRefusal("standards.error.no-parent");
            }
        }
        String statement = required(draft.statement(), "statement");
        String code = blankToNull(draft.code());
        refuseDuplicateCode(frameworkId, code, null);
        Integer last = db.select(org.jooq.impl.DSL.max(STANDARD_ITEM.POSITION)).from(STANDARD_ITEM)
                .where(STANDARD_ITEM.FRAMEWORK_ID.eq(frameworkId), parentCondition(parentId)).fetchOne(0, Integer.class);
        LocalDateTime now = now();
        StandardItemRecord record = db.newRecord(STANDARD_ITEM);
        record.setFrameworkId(frameworkId);
        record.setParentId(parentId);
        apply(record, draft, code, statement);
        record.setPosition(last == null ? 0 : last + 1);
        record.setRevision(1);
        record.setCreatedAt(now);
        record.setUpdatedAt(now);
        record.store();
        touch(frameworkId, now);
        return new Saved(item(record), warnings(frameworkId));
    }

    /** Changes an item's level, kind, subject, code, statement and description. */
    @Transactional
    public Saved updateItem(long itemId, ItemDraft draft) {
        Viewer viewer = currentViewer.requireTeacher();
        StandardItemRecord record = editableItem(viewer, itemId);
        String statement = required(draft.statement(), "statement");
        String code = blankToNull(draft.code());
        refuseDuplicateCode(record.getFrameworkId(), code, itemId);
        apply(record, draft, code, statement);
        if (record.changed()) {
            LocalDateTime now = now();
            record.setRevision(record.getRevision() + 1);
            record.setUpdatedAt(now);
            record.update();
            touch(record.getFrameworkId(), now);
        }
        return new Saved(item(record), warnings(record.getFrameworkId()));
    }

    /** Swaps an item with its previous (up) or next (down) sibling; does nothing at either end. */
    @Transactional
    public void move(long itemId, boolean up) {
        Viewer viewer = currentViewer.requireTeacher();
        StandardItemRecord record = editableItem(viewer, itemId);
        List<StandardItemRecord> siblings = db.selectFrom(STANDARD_ITEM)
                .where(STANDARD_ITEM.FRAMEWORK_ID.eq(record.getFrameworkId()), parentCondition(record.getParentId()),
                        STANDARD_ITEM.ARCHIVED_AT.isNull())
                .orderBy(STANDARD_ITEM.POSITION, STANDARD_ITEM.ID).fetch();
        int index = -1;
        for (int i = 0; i < siblings.size(); i++) {
            if (siblings.get(i).getId().equals(itemId)) {
                index = i;
            }
        }
        int other = up ? index - 1 : index + 1;
        if (index < 0 || other < 0 || other >= siblings.size()) {
            return;
        }
        StandardItemRecord neighbour = siblings.remove(other);
        siblings.add(index, neighbour);
        // Renumber all siblings so equal or gapped positions from older data cannot block a move.
        LocalDateTime now = now();
        for (int i = 0; i < siblings.size(); i++) {
            StandardItemRecord sibling = siblings.get(i);
            if (sibling.getPosition() != i) {
                sibling.setPosition(i);
                sibling.setUpdatedAt(now);
                sibling.update();
            }
        }
        touch(record.getFrameworkId(), now);
    }

    /** Archives an item and everything under it. Archived items stay for the evidence scored on them. */
    @Transactional
    public void archive(long itemId) {
        Viewer viewer = currentViewer.requireTeacher();
        StandardItemRecord record = editableItem(viewer, itemId);
        LocalDateTime now = now();
        List<Long> todo = new ArrayList<>(List.of(record.getId()));
        while (!todo.isEmpty()) {
            Long id = todo.removeLast();
            db.update(STANDARD_ITEM).set(STANDARD_ITEM.ARCHIVED_AT, now).set(STANDARD_ITEM.UPDATED_AT, now)
                    .set(STANDARD_ITEM.REVISION, STANDARD_ITEM.REVISION.plus(1))
                    .where(STANDARD_ITEM.ID.eq(id), STANDARD_ITEM.ARCHIVED_AT.isNull()).execute();
            todo.addAll(db.select(STANDARD_ITEM.ID).from(STANDARD_ITEM).where(STANDARD_ITEM.PARENT_ID.eq(id))
                    .fetch(STANDARD_ITEM.ID));
        }
        touch(record.getFrameworkId(), now);
    }

    /** Sets the graduate profile attributes a graduation standard serves (any readable framework's). */
    @Transactional
    public void linkAttributes(long standardId, Set<Long> attributeIds) {
        Viewer viewer = currentViewer.requireTeacher();
        StandardItemRecord standard = editableItem(viewer, standardId);
        if (!Level.STANDARD.name().equals(standard.getLevel())) {
            throw new StandardsRefusal("standards.error.link-not-standard");
        }
        for (Long attributeId : attributeIds) {
            StandardItemRecord attribute = db.selectFrom(STANDARD_ITEM).where(STANDARD_ITEM.ID.eq(attributeId)).fetchOne();
            if (attribute == null || !Level.GRADUATE_ATTRIBUTE.name().equals(attribute.getLevel())) {
                throw new StandardsRefusal("standards.error.link-not-attribute");
            }
            readableFramework(viewer, attribute.getFrameworkId());
        }
        db.deleteFrom(STANDARD_ATTRIBUTE_LINK).where(STANDARD_ATTRIBUTE_LINK.STANDARD_ID.eq(standardId)).execute();
        for (Long attributeId : attributeIds) {
            db.insertInto(STANDARD_ATTRIBUTE_LINK).set(STANDARD_ATTRIBUTE_LINK.STANDARD_ID, standardId)
                    .set(STANDARD_ATTRIBUTE_LINK.ATTRIBUTE_ID, attributeId).execute();
        }
    }

    /** The graduate profile attributes a standard is linked to. */
    @Transactional(readOnly = true)
    public Set<Long> linkedAttributes(long standardId) {
        Viewer viewer = currentViewer.require();
        StandardItemRecord standard = db.selectFrom(STANDARD_ITEM).where(STANDARD_ITEM.ID.eq(standardId)).fetchOne();
        if (standard == null) {
            throw notFound();
        }
        readableFramework(viewer, standard.getFrameworkId());
        return Set.copyOf(db.select(STANDARD_ATTRIBUTE_LINK.ATTRIBUTE_ID).from(STANDARD_ATTRIBUTE_LINK)
                .where(STANDARD_ATTRIBUTE_LINK.STANDARD_ID.eq(standardId)).fetch(STANDARD_ATTRIBUTE_LINK.ATTRIBUTE_ID));
    }

    /**
     * The live graduate profile attributes each standard of the framework is linked to, by standard
     * id; attributes of frameworks this viewer cannot read are left out.
     */
    @Transactional(readOnly = true)
    public Map<Long, List<StandardItem>> attributeLinks(long frameworkId) {
        Viewer viewer = currentViewer.require();
        readableFramework(viewer, frameworkId);
        var standard = STANDARD_ITEM.as("standard");
        Map<Long, List<StandardItem>> links = new HashMap<>();
        db.select(STANDARD_ATTRIBUTE_LINK.STANDARD_ID).select(STANDARD_ITEM.fields()).from(STANDARD_ATTRIBUTE_LINK)
                .join(standard).on(standard.ID.eq(STANDARD_ATTRIBUTE_LINK.STANDARD_ID))
                .join(STANDARD_ITEM).on(STANDARD_ITEM.ID.eq(STANDARD_ATTRIBUTE_LINK.ATTRIBUTE_ID))
                .join(STANDARDS_FRAMEWORK).on(STANDARDS_FRAMEWORK.ID.eq(STANDARD_ITEM.FRAMEWORK_ID))
                .where(standard.FRAMEWORK_ID.eq(frameworkId), STANDARD_ITEM.ARCHIVED_AT.isNull(), readable(viewer))
                .orderBy(STANDARD_ITEM.FRAMEWORK_ID, STANDARD_ITEM.POSITION, STANDARD_ITEM.ID)
                .forEach(row -> links.computeIfAbsent(row.get(STANDARD_ATTRIBUTE_LINK.STANDARD_ID), key -> new ArrayList<>())
                        .add(item(row.into(STANDARD_ITEM))));
        return links;
    }

    // --- sharing with the platform ---

    /**
     * Shares a copy of the course's framework with every course of the platform (the school's or
     * district's library), where it is read-only. The copy holds the live items with their tree,
     * order, codes, statements, descriptions, levels, kinds and subjects, and the links from
     * standards to graduate profile attributes (remapped to the copied attributes; links to another
     * course's attributes are left out). Items keep their source identifiers; items typed in Cairn
     * get {@code cairn-<id>} of the item they were copied from, as in the Canvas export, so a copy
     * can be traced to its origin. The course keeps its framework, editable and independent.
     * Refused when the platform already has a framework with the same CASE document or with any of
     * these items (shared before): that copy is not updated in place. Teachers only.
     */
    @Transactional
    public StandardsFramework shareFrameworkWithPlatform(long frameworkId) {
        Viewer viewer = currentViewer.requireTeacher();
        StandardsFrameworkRecord source = readableFramework(viewer, frameworkId);
        if (source.getCourseId() == null) {
            throw notFound(); // already shared: nothing of this course's to share
        }
        List<StandardItem> live = treeOrder(db.selectFrom(STANDARD_ITEM)
                .where(STANDARD_ITEM.FRAMEWORK_ID.eq(frameworkId), STANDARD_ITEM.ARCHIVED_AT.isNull())
                .orderBy(STANDARD_ITEM.POSITION, STANDARD_ITEM.ID).fetch(StandardsLibrary::item));
        if (live.isEmpty()) {
            throw new StandardsRefusal("standards.share.error.empty");
        }
        Map<Long, String> origins = new HashMap<>();
        live.forEach(item -> origins.put(item.id(),
                item.sourceIdentifier() != null ? item.sourceIdentifier() : "cairn-" + item.id()));
        Condition platformFrameworks = STANDARDS_FRAMEWORK.PLATFORM_ID.eq(source.getPlatformId())
                .and(STANDARDS_FRAMEWORK.COURSE_ID.isNull());
        if (source.getCaseIdentifier() != null) {
            String title = db.select(STANDARDS_FRAMEWORK.TITLE).from(STANDARDS_FRAMEWORK)
                    .where(platformFrameworks, STANDARDS_FRAMEWORK.CASE_IDENTIFIER.eq(source.getCaseIdentifier()))
                    .orderBy(STANDARDS_FRAMEWORK.ID).limit(1).fetchOne(STANDARDS_FRAMEWORK.TITLE);
            if (title != null) {
                throw new StandardsRefusal("standards.share.error.case-exists", "caseIdentifier",
                        source.getCaseIdentifier(), title);
            }
        }
        String sharedBefore = db.select(STANDARDS_FRAMEWORK.TITLE).from(STANDARDS_FRAMEWORK).join(STANDARD_ITEM)
                .on(STANDARD_ITEM.FRAMEWORK_ID.eq(STANDARDS_FRAMEWORK.ID))
                .where(platformFrameworks, STANDARD_ITEM.SOURCE_IDENTIFIER.in(origins.values()))
                .orderBy(STANDARDS_FRAMEWORK.ID).limit(1).fetchOne(STANDARDS_FRAMEWORK.TITLE);
        if (sharedBefore != null) {
            throw new StandardsRefusal("standards.share.error.already-shared", sharedBefore);
        }

        return framework(copyFramework(source, null, live, origins, Map.of()).framework());
    }

    // --- course copy ---

    /**
     * Course copy: makes the given items (a unit's targets, a rubric's criteria) readable in the
     * viewer's course and says which item to use for each. Items the course already reads (its own,
     * the platform's) stay as they are. An item of another course's framework on the same platform
     * brings its whole framework along (tree, order, codes, statements, archived items, attribute
     * links), unless the course already holds a framework with all those items (an earlier copy, or
     * the same CASE or Canvas import), matched by source identifier as the platform share does.
     * Teachers only. The caller must have established that the viewer's course continues the source
     * course (the deeplinking feature does so from a link the LMS signed); items of another platform,
     * and ids that do not exist, are refused like missing ones.
     *
     * @return for every given id, the id of the item to use in the viewer's course
     */
    @Transactional
    public Map<Long, Long> adoptItemsForCourseCopy(Set<Long> itemIds) {
        Viewer viewer = currentViewer.requireTeacher();
        Map<Long, Long> result = new HashMap<>();
        if (itemIds.isEmpty()) {
            return result;
        }
        Map<Long, StandardItemRecord> items = db.selectFrom(STANDARD_ITEM).where(STANDARD_ITEM.ID.in(itemIds))
                .fetchMap(STANDARD_ITEM.ID);
        if (items.size() != itemIds.size()) {
            throw notFound();
        }
        Map<Long, List<Long>> byFramework = new HashMap<>();
        items.values().forEach(item -> byFramework.computeIfAbsent(item.getFrameworkId(), k -> new ArrayList<>())
                .add(item.getId()));
        for (Map.Entry<Long, List<Long>> entry : byFramework.entrySet()) {
            StandardsFrameworkRecord framework = db.selectFrom(STANDARDS_FRAMEWORK)
                    .where(STANDARDS_FRAMEWORK.ID.eq(entry.getKey()), STANDARDS_FRAMEWORK.PLATFORM_ID.eq(viewer.platformId()))
                    .fetchOne();
            if (framework == null) {
                throw notFound();
            }
            if (framework.getCourseId() == null || framework.getCourseId() == viewer.courseId()) {
                entry.getValue().forEach(id -> result.put(id, id));
                continue;
            }
            List<StandardItemRecord> all = db.selectFrom(STANDARD_ITEM).where(STANDARD_ITEM.FRAMEWORK_ID.eq(framework.getId()))
                    .orderBy(STANDARD_ITEM.POSITION, STANDARD_ITEM.ID).fetch();
            Map<Long, String> origins = new HashMap<>();
            all.forEach(item -> origins.put(item.getId(), origin(item.getId(), item.getSourceIdentifier())));
            Map<Long, Long> earlier = earlierCopy(viewer, entry.getValue(), origins);
            if (earlier != null) {
                result.putAll(earlier);
                continue;
            }
            Map<Long, LocalDateTime> archived = new HashMap<>();
            all.stream().filter(item -> item.getArchivedAt() != null)
                    .forEach(item -> archived.put(item.getId(), item.getArchivedAt()));
            Map<Long, Long> copied = copyFramework(framework, viewer.courseId(),
                    treeOrder(all.stream().map(StandardsLibrary::item).toList()), origins, archived).items();
            entry.getValue().forEach(id -> result.put(id, copied.get(id)));
        }
        return result;
    }

    /** The item a copy of this one carries as its source identifier: its own, or "cairn-" and its id. */
    private static String origin(long id, @Nullable String sourceIdentifier) {
        return sourceIdentifier != null ? sourceIdentifier : "cairn-" + id;
    }

    /** A framework of the viewer's course holding every wanted item's origin, mapped; null when there is none. */
    private @Nullable Map<Long, Long> earlierCopy(Viewer viewer, List<Long> wanted, Map<Long, String> origins) {
        Set<String> wantedOrigins = new HashSet<>();
        wanted.forEach(id -> wantedOrigins.add(origins.get(id)));
        Map<Long, Map<String, Long>> candidates = new HashMap<>();
        db.select(STANDARD_ITEM.FRAMEWORK_ID, STANDARD_ITEM.SOURCE_IDENTIFIER, STANDARD_ITEM.ID).from(STANDARD_ITEM)
                .join(STANDARDS_FRAMEWORK).on(STANDARDS_FRAMEWORK.ID.eq(STANDARD_ITEM.FRAMEWORK_ID))
                .where(STANDARDS_FRAMEWORK.COURSE_ID.eq(viewer.courseId()),
                        STANDARDS_FRAMEWORK.PLATFORM_ID.eq(viewer.platformId()),
                        STANDARD_ITEM.SOURCE_IDENTIFIER.in(wantedOrigins))
                .orderBy(STANDARD_ITEM.FRAMEWORK_ID)
                .forEach(r -> candidates.computeIfAbsent(r.value1(), k -> new HashMap<>()).put(r.value2(), r.value3()));
        for (Map<String, Long> candidate : candidates.values()) {
            if (candidate.keySet().containsAll(wantedOrigins)) {
                Map<Long, Long> mapped = new HashMap<>();
                wanted.forEach(id -> mapped.put(id, candidate.get(origins.get(id))));
                return mapped;
            }
        }
        return null;
    }

    private record CopiedFramework(StandardsFrameworkRecord framework, Map<Long, Long> items) {
    }

    /**
     * Copies a framework's given items (in tree order, parents first) into a new framework of the
     * course (or of the platform when courseId is null), each carrying its origin as source
     * identifier, with the attribute links remapped; links to another course's attributes are dropped.
     */
    private CopiedFramework copyFramework(StandardsFrameworkRecord source, @Nullable Long courseId,
                                          List<StandardItem> items, Map<Long, String> origins,
                                          Map<Long, LocalDateTime> archivedAt) {
        LocalDateTime now = now();
        StandardsFrameworkRecord copy = db.newRecord(STANDARDS_FRAMEWORK);
        copy.setPlatformId(source.getPlatformId());
        copy.setCourseId(courseId);
        copy.setTitle(source.getTitle());
        copy.setSource(source.getSource());
        copy.setCaseIdentifier(source.getCaseIdentifier());
        copy.setCreatedAt(now);
        copy.setUpdatedAt(now);
        copy.store();
        Map<Long, Long> copied = new HashMap<>();
        for (StandardItem item : items) { // tree order: parents are copied before their children
            StandardItemRecord record = db.newRecord(STANDARD_ITEM);
            record.setFrameworkId(copy.getId());
            record.setParentId(item.parentId() == null ? null : copied.get(item.parentId()));
            record.setLevel(item.level().name());
            record.setKind(item.kind() == null ? null : item.kind().name());
            record.setSubject(item.subject());
            record.setCode(item.code());
            record.setStatement(item.statement());
            record.setDescription(item.description());
            record.setPosition(item.position());
            record.setSourceIdentifier(origins.get(item.id()));
            record.setArchivedAt(archivedAt.get(item.id()));
            record.setRevision(1);
            record.setCreatedAt(now);
            record.setUpdatedAt(now);
            record.store();
            copied.put(item.id(), record.getId());
        }
        db.select(STANDARD_ATTRIBUTE_LINK.STANDARD_ID, STANDARD_ATTRIBUTE_LINK.ATTRIBUTE_ID, STANDARDS_FRAMEWORK.COURSE_ID)
                .from(STANDARD_ATTRIBUTE_LINK)
                .join(STANDARD_ITEM).on(STANDARD_ITEM.ID.eq(STANDARD_ATTRIBUTE_LINK.ATTRIBUTE_ID))
                .join(STANDARDS_FRAMEWORK).on(STANDARDS_FRAMEWORK.ID.eq(STANDARD_ITEM.FRAMEWORK_ID))
                .where(STANDARD_ATTRIBUTE_LINK.STANDARD_ID.in(copied.keySet()))
                .forEach(link -> {
                    Long attribute = copied.get(link.value2());
                    if (attribute == null && link.value3() == null) {
                        attribute = link.value2(); // an attribute the whole platform already reads
                    }
                    if (attribute != null) {
                        db.insertInto(STANDARD_ATTRIBUTE_LINK)
                                .set(STANDARD_ATTRIBUTE_LINK.STANDARD_ID, copied.get(link.value1()))
                                .set(STANDARD_ATTRIBUTE_LINK.ATTRIBUTE_ID, attribute).execute();
                    }
                });
        return new CopiedFramework(copy, copied);
    }

    // --- CASE import ---

    /**
     * Reads a CASE package into a preview; nothing is saved. Refuses files over 20 MB and files
     * whose meaning is unclear, with the field and identifier that broke them.
     */
    public CasePreview previewCase(InputStream json) {
        currentViewer.requireTeacher();
        return CaseParser.parse(json);
    }

    /**
     * Saves a previewed CASE package into the viewer's course, each item type at the level the
     * teacher chose (an empty choice skips the type; its children move up to the nearest kept
     * ancestor). A framework imported before (same CFDocument identifier) is updated in place:
     * items matched by CASE identifier are updated, new ones added, those gone from the file archived.
     */
    @Transactional
    public ImportResult importCase(CasePreview preview, Map<String, Optional<Level>> mapping) {
        Viewer viewer = currentViewer.requireTeacher();
        return importTree(preview, mapping, preview.subject(),
                node -> new StandardsRefusal("standards.case.error.duplicate", "humanCodingScheme", node.identifier(),
                        "humanCodingScheme", node.identifier()),
                now -> {
                    StandardsFrameworkRecord framework = db.selectFrom(STANDARDS_FRAMEWORK)
                            .where(STANDARDS_FRAMEWORK.PLATFORM_ID.eq(viewer.platformId()),
                                    STANDARDS_FRAMEWORK.COURSE_ID.eq(viewer.courseId()),
                                    STANDARDS_FRAMEWORK.CASE_IDENTIFIER.eq(preview.documentIdentifier()))
                            .orderBy(STANDARDS_FRAMEWORK.ID).limit(1).fetchOne();
                    if (framework == null) {
                        framework = newFramework(viewer, FrameworkSource.CASE, now);
                        framework.setCaseIdentifier(preview.documentIdentifier());
                    }
                    framework.setTitle(preview.title());
                    return framework;
                });
    }

    // --- Canvas outcomes CSV ---

    /**
     * Reads a Canvas outcomes CSV file into a preview; nothing is saved. Refuses files over 5 MB or
     * 10,000 rows, files that are not UTF-8 CSV, and files whose meaning is unclear, with the line
     * and column that broke them. The file name (without .csv) becomes a new framework's title.
     */
    public CanvasCsvPreview previewCanvasCsv(InputStream csv, @Nullable String fileName) {
        currentViewer.requireTeacher();
        return CanvasCsvParser.parse(csv, fileName);
    }

    /**
     * Saves a previewed Canvas outcomes CSV file into the viewer's course, each type (groups or
     * outcomes at a depth) at the level the teacher chose, like {@link #importCase}. The framework
     * to update is the course's Canvas CSV framework that already holds the most of the file's
     * vendor_guids; when none does, a new one is made. Items are matched by vendor_guid, so
     * importing again updates in place. Ratings and calculation methods are not saved.
     */
    @Transactional
    public ImportResult importCanvasCsv(CanvasCsvPreview preview, Map<String, Optional<Level>> mapping) {
        Viewer viewer = currentViewer.requireTeacher();
        return importTree(preview, mapping, null,
                node -> new StandardsRefusal("standards.csv.error.duplicate-code", CanvasCsvParser.DISPLAY_NAME,
                        node.identifier(), preview.lines().get(node.identifier()), preview.codeColumn(),
                        node.code() == null ? "" : node.code()),
                now -> {
                    Set<String> guids = new HashSet<>();
                    preview.items().forEach(node -> guids.add(node.identifier()));
                    Long match = guids.isEmpty() ? null : db.select(STANDARD_ITEM.FRAMEWORK_ID).from(STANDARD_ITEM)
                            .join(STANDARDS_FRAMEWORK).on(STANDARDS_FRAMEWORK.ID.eq(STANDARD_ITEM.FRAMEWORK_ID))
                            .where(STANDARDS_FRAMEWORK.PLATFORM_ID.eq(viewer.platformId()),
                                    STANDARDS_FRAMEWORK.COURSE_ID.eq(viewer.courseId()),
                                    STANDARDS_FRAMEWORK.SOURCE.eq(FrameworkSource.CANVAS_CSV.name()),
                                    STANDARD_ITEM.SOURCE_IDENTIFIER.in(guids))
                            .groupBy(STANDARD_ITEM.FRAMEWORK_ID)
                            .orderBy(org.jooq.impl.DSL.count().desc(), STANDARD_ITEM.FRAMEWORK_ID)
                            .limit(1).fetchOne(STANDARD_ITEM.FRAMEWORK_ID);
                    if (match != null) {
                        return db.selectFrom(STANDARDS_FRAMEWORK).where(STANDARDS_FRAMEWORK.ID.eq(match)).fetchSingle();
                    }
                    StandardsFrameworkRecord framework = newFramework(viewer, FrameworkSource.CANVAS_CSV, now);
                    framework.setTitle(preview.title());
                    return framework;
                });
    }

    /**
     * Writes a framework's live items as a Canvas outcomes CSV file (UTF-8, RFC 4180): items with
     * children become groups, the others outcomes, each with the course's proficiency scale as its
     * ratings, highest first. An item's vendor_guid is its source identifier, or {@code cairn-<id>}
     * for items typed in Cairn, so Canvas updates the same outcomes when the file is imported again.
     */
    @Transactional
    public byte[] exportCanvasCsv(long frameworkId) {
        currentViewer.requireTeacher();
        List<StandardItem> live = items(frameworkId, false);
        List<LevelView> levels = new ArrayList<>(proficiencyScales.scaleOfMyCourse().levels());
        java.util.Collections.reverse(levels);
        List<String> ratings = new ArrayList<>();
        for (LevelView level : levels) {
            ratings.add(level.points().stripTrailingZeros().toPlainString());
            ratings.add(level.label());
        }
        int width = CanvasCsvParser.HEADER.size() - 1 + Math.max(1, ratings.size());
        Set<Long> parents = new HashSet<>();
        Map<Long, String> guids = new HashMap<>();
        for (StandardItem item : live) {
            if (item.parentId() != null) {
                parents.add(item.parentId());
            }
            guids.put(item.id(), item.sourceIdentifier() != null ? item.sourceIdentifier() : "cairn-" + item.id());
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.Writer out = new java.io.OutputStreamWriter(bytes, java.nio.charset.StandardCharsets.UTF_8)) {
            Csv.write(out, padded(CanvasCsvParser.HEADER, width));
            for (StandardItem item : live) {
                boolean group = parents.contains(item.id());
                List<String> row = new ArrayList<>(List.of(guids.get(item.id()), group ? "group" : "outcome",
                        item.statement(), item.description() == null ? "" : item.description(),
                        item.code() == null ? "" : item.code(), "", "", "active",
                        item.parentId() == null ? "" : guids.getOrDefault(item.parentId(), "")));
                if (!group) {
                    row.addAll(ratings);
                }
                Csv.write(out, padded(row, width));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    private static List<String> padded(List<String> cells, int width) {
        List<String> row = new ArrayList<>(cells);
        while (row.size() < width) {
            row.add("");
        }
        return row;
    }

    // --- both imports ---

    private StandardsFrameworkRecord newFramework(Viewer viewer, FrameworkSource source, LocalDateTime now) {
        StandardsFrameworkRecord framework = db.newRecord(STANDARDS_FRAMEWORK);
        framework.setPlatformId(viewer.platformId());
        framework.setCourseId(viewer.courseId());
        framework.setSource(source.name());
        framework.setCreatedAt(now);
        return framework;
    }

    /**
     * Writes a previewed tree into the framework {@code target} finds or makes (not stored yet when
     * new), in the caller's transaction: matched items are updated, new ones added, those gone from
     * the file archived. Every row is decided before any is written.
     */
    private ImportResult importTree(ImportPreview preview, Map<String, Optional<Level>> mapping,
                                    @Nullable String subject,
                                    java.util.function.Function<ImportPreview.Node, StandardsRefusal> duplicateCode,
                                    java.util.function.Function<LocalDateTime, StandardsFrameworkRecord> target) {
        Map<String, Optional<Level>> levels = new HashMap<>(preview.suggestedMapping());
        levels.putAll(mapping);

        Map<String, @Nullable String> parents = new HashMap<>();
        preview.items().forEach(node -> parents.put(node.identifier(), node.parentIdentifier()));
        Map<String, @Nullable String> keptParent = new HashMap<>();
        List<ImportPreview.Node> kept = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (ImportPreview.Node node : preview.items()) {
            String parent = node.parentIdentifier();
            while (parent != null && !keptParent.containsKey(parent)) {
                parent = parents.get(parent);
            }
            if (levels.getOrDefault(node.typeKey(), Optional.empty()).isEmpty()) {
                continue;
            }
            keptParent.put(node.identifier(), parent);
            kept.add(node);
            if (node.code() != null && !codes.add(node.code())) {
                throw duplicateCode.apply(node);
            }
        }

        LocalDateTime now = now();
        StandardsFrameworkRecord framework = target.apply(now);
        framework.setUpdatedAt(now);
        framework.store();
        long frameworkId = framework.getId();

        Map<String, StandardItemRecord> existing = new HashMap<>();
        db.selectFrom(STANDARD_ITEM).where(STANDARD_ITEM.FRAMEWORK_ID.eq(frameworkId),
                STANDARD_ITEM.SOURCE_IDENTIFIER.isNotNull()).forEach(r -> existing.put(r.getSourceIdentifier(), r));
        Set<String> manualCodes = new HashSet<>(db.select(STANDARD_ITEM.CODE).from(STANDARD_ITEM)
                .where(STANDARD_ITEM.FRAMEWORK_ID.eq(frameworkId), STANDARD_ITEM.SOURCE_IDENTIFIER.isNull(),
                        STANDARD_ITEM.ARCHIVED_AT.isNull(), STANDARD_ITEM.CODE.isNotNull()).fetch(STANDARD_ITEM.CODE));
        for (ImportPreview.Node node : kept) {
            if (node.code() != null && manualCodes.contains(node.code())) {
                throw duplicateCode.apply(node); // the transaction rolls back the framework row too
            }
        }

        Map<String, Long> ids = new HashMap<>();
        Map<@Nullable String, Integer> nextPosition = new HashMap<>();
        int created = 0;
        int updated = 0;
        for (ImportPreview.Node node : kept) {
            String parent = keptParent.get(node.identifier());
            Long parentId = parent == null ? null : ids.get(parent);
            int position = nextPosition.merge(parent, 1, Integer::sum) - 1;
            Level level = levels.get(node.typeKey()).orElseThrow();
            ItemDraft draft = new ItemDraft(level, level == Level.STANDARD ? Kind.CONTENT_AREA : null,
                    level == Level.STANDARD ? subject : null, node.code(), node.statement(), node.notes());
            StandardItemRecord record = existing.remove(node.identifier());
            if (record == null) {
                record = db.newRecord(STANDARD_ITEM);
                record.setFrameworkId(frameworkId);
                record.setSourceIdentifier(node.identifier());
                record.setRevision(1);
                record.setCreatedAt(now);
                created++;
            }
            apply(record, draft, node.code(), node.statement());
            if (!Objects.equals(record.getParentId(), parentId)) {
                record.setParentId(parentId);
            }
            if (!Objects.equals(record.getPosition(), position)) {
                record.setPosition(position);
            }
            if (record.getArchivedAt() != null) {
                record.setArchivedAt(null);
            }
            if (record.getId() == null) {
                record.setUpdatedAt(now);
                record.store();
            } else if (record.changed()) {
                record.setRevision(record.getRevision() + 1);
                record.setUpdatedAt(now);
                record.update();
                updated++;
            }
            ids.put(node.identifier(), record.getId());
        }
        int archived = 0;
        for (StandardItemRecord gone : existing.values()) {
            if (gone.getArchivedAt() == null) {
                gone.setArchivedAt(now);
                gone.setRevision(gone.getRevision() + 1);
                gone.setUpdatedAt(now);
                gone.update();
                archived++;
            }
        }
        return new ImportResult(framework(framework), created, updated, archived);
    }

    // --- checks and mapping ---

    private static Condition readable(Viewer viewer) {
        return STANDARDS_FRAMEWORK.PLATFORM_ID.eq(viewer.platformId())
                .and(STANDARDS_FRAMEWORK.COURSE_ID.isNull().or(STANDARDS_FRAMEWORK.COURSE_ID.eq(viewer.courseId())));
    }

    private StandardsFrameworkRecord readableFramework(Viewer viewer, long frameworkId) {
        StandardsFrameworkRecord framework = db.selectFrom(STANDARDS_FRAMEWORK)
                .where(STANDARDS_FRAMEWORK.ID.eq(frameworkId), readable(viewer)).fetchOne();
        if (framework == null) {
            throw notFound();
        }
        return framework;
    }

    /** Only the course's own frameworks are edited from a course; shared ones are read-only there. */
    private StandardsFrameworkRecord editableFramework(Viewer viewer, long frameworkId) {
        StandardsFrameworkRecord framework = readableFramework(viewer, frameworkId);
        if (framework.getCourseId() == null) {
            throw new AccessDeniedException("Frameworks shared with the platform are read-only in a course");
        }
        return framework;
    }

    private StandardItemRecord editableItem(Viewer viewer, long itemId) {
        StandardItemRecord record = db.selectFrom(STANDARD_ITEM).where(STANDARD_ITEM.ID.eq(itemId)).fetchOne();
        if (record == null) {
            throw notFound();
        }
        editableFramework(viewer, record.getFrameworkId());
        return record;
    }

    private static AccessDeniedException notFound() {
        // The same answer for "missing" and "another course's", so ids reveal nothing.
        return new AccessDeniedException("No such framework or item in this course");
    }

    private void refuseDuplicateCode(long frameworkId, @Nullable String code, @Nullable Long exceptItem) {
        if (code == null) {
            return;
        }
        Condition where = STANDARD_ITEM.FRAMEWORK_ID.eq(frameworkId).and(STANDARD_ITEM.CODE.eq(code))
                .and(STANDARD_ITEM.ARCHIVED_AT.isNull());
        if (exceptItem != null) {
            where = where.and(STANDARD_ITEM.ID.ne(exceptItem));
        }
        if (db.fetchExists(STANDARD_ITEM, where)) {
            throw new StandardsRefusal("standards.error.duplicate-code", "code", code, code);
        }
    }

    private List<Saved.Warning> warnings(long frameworkId) {
        int attributes = db.fetchCount(STANDARD_ITEM, STANDARD_ITEM.FRAMEWORK_ID.eq(frameworkId),
                STANDARD_ITEM.LEVEL.eq(Level.GRADUATE_ATTRIBUTE.name()), STANDARD_ITEM.ARCHIVED_AT.isNull());
        return attributes > GRADUATE_ATTRIBUTE_ADVICE ? List.of(Saved.Warning.MORE_THAN_SIX_GRADUATE_ATTRIBUTES)
                : List.of();
    }

    private void touch(long frameworkId, LocalDateTime now) {
        db.update(STANDARDS_FRAMEWORK).set(STANDARDS_FRAMEWORK.UPDATED_AT, now)
                .where(STANDARDS_FRAMEWORK.ID.eq(frameworkId)).execute();
    }

    /** Sets only what differs: jOOQ marks a field changed on any set, and revisions count real changes. */
    private static void apply(StandardItemRecord record, ItemDraft draft, @Nullable String code, String statement) {
        Kind kind = draft.level() == Level.STANDARD ? draft.kind() : null;
        String subject = draft.level() == Level.STANDARD ? blankToNull(draft.subject()) : null;
        setIfDifferent(record.getLevel(), draft.level().name(), record::setLevel);
        setIfDifferent(record.getKind(), kind == null ? null : kind.name(), record::setKind);
        setIfDifferent(record.getSubject(), subject, record::setSubject);
        setIfDifferent(record.getCode(), code, record::setCode);
        setIfDifferent(record.getStatement(), statement, record::setStatement);
        setIfDifferent(record.getDescription(), blankToNull(draft.description()), record::setDescription);
    }

    private static <T> void setIfDifferent(@Nullable T current, @Nullable T wanted, java.util.function.Consumer<@Nullable T> setter) {
        if (!Objects.equals(current, wanted)) {
            setter.accept(wanted);
        }
    }

    private static Condition parentCondition(@Nullable Long parentId) {
        return parentId == null ? STANDARD_ITEM.PARENT_ID.isNull() : STANDARD_ITEM.PARENT_ID.eq(parentId);
    }

    private static String required(@Nullable String text, String field) {
        String clean = blankToNull(text);
        if (clean == null) {
            throw new StandardsRefusal("standards.error.empty-" + field, field, null);
        }
        return clean;
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
    }

    private static StandardsFramework framework(StandardsFrameworkRecord r) {
        return new StandardsFramework(r.getId(), r.getTitle(), FrameworkSource.valueOf(r.getSource()),
                r.getCourseId() == null, r.getCaseIdentifier());
    }

    private static StandardItem item(StandardItemRecord r) {
        return new StandardItem(r.getId(), r.getFrameworkId(), r.getParentId(), Level.valueOf(r.getLevel()),
                r.getKind() == null ? null : Kind.valueOf(r.getKind()), r.getSubject(), r.getCode(), r.getStatement(),
                r.getDescription(), r.getPosition(), r.getSourceIdentifier(), r.getArchivedAt() != null,
                r.getRevision());
    }
}
