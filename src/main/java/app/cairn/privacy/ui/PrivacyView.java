package app.cairn.privacy.ui;

import java.io.IOException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadEvent;

import app.cairn.privacy.AuditEntry;
import app.cairn.privacy.AuditTrail;
import app.cairn.privacy.CoursePrivacy;
import app.cairn.privacy.PrivacyRefusal;
import app.cairn.privacy.PrivacySettings;
import app.cairn.privacy.StudentRecords;
import app.cairn.privacy.StudentSummary;
import app.cairn.shared.CurrentViewer;
import app.cairn.shared.Viewer;
import app.cairn.shared.ui.CourseLayout;
import jakarta.annotation.security.PermitAll;

/**
 * Privacy and records. Teachers set how long student work is kept, download or delete one student's
 * data, and read the audit trail; students read what Cairn keeps about them and download it.
 */
@Route(value = "privacy", layout = CourseLayout.class)
@PermitAll
public class PrivacyView extends VerticalLayout implements HasDynamicTitle {

    private final StudentRecords records;
    private final CoursePrivacy privacy;
    private final AuditTrail audit;
    private final Paragraph message = new Paragraph();
    private final Grid<StudentSummary> students = new Grid<>();
    private final Grid<AuditEntry> trail = new Grid<>();
    private final ComboBox<StudentSummary> trailStudent = new ComboBox<>();
    private final IntegerField retentionDays = new IntegerField();
    private final Checkbox keepUntilDeleted = new Checkbox();
    private PrivacySettings settings = new PrivacySettings(null, 0, null);
    private ZoneId zone = ZoneOffset.UTC;

    public PrivacyView(CurrentViewer currentViewer, StudentRecords records, CoursePrivacy privacy, AuditTrail audit) {
        this.records = records;
        this.privacy = privacy;
        this.audit = audit;
        setPadding(false);
        addClassName("cairn-privacy");
        message.setId("privacy-message");
        message.getElement().setAttribute("role", "status");
        Viewer viewer = currentViewer.require();
        add(new H1(getPageTitle()));
        if (viewer.isTeacher()) {
            add(message, retentionSection(), studentsSection(), trailSection());
            loadSettings();
            loadStudents();
            getElement().getNode().runWhenAttached(ui -> ui.getPage().retrieveExtendedClientDetails(details -> {
                zone = ZoneId.of(details.getTimeZoneId());
                trail.getDataProvider().refreshAll();
            }));
        } else {
            add(yourDataSection(viewer));
        }
    }

    // --- students ---

    private Component yourDataSection(Viewer viewer) {
        UnorderedList kept = new UnorderedList();
        for (String key : new String[] {"privacy.student.kept.name", "privacy.student.kept.work",
                "privacy.student.kept.scores", "privacy.student.kept.history"}) {
            kept.add(new ListItem(getTranslation(key)));
        }
        Anchor download = downloadLink("privacy-download-mine", getTranslation("privacy.student.download"),
                viewer.personId());
        return new Section(new Paragraph(getTranslation("privacy.student.intro")), kept,
                new Paragraph(getTranslation("privacy.student.who")), download);
    }

    // --- teachers: retention ---

    private Component retentionSection() {
        H2 heading = new H2(getTranslation("privacy.retention.title"));
        retentionDays.setId("privacy-retention-days");
        retentionDays.setLabel(getTranslation("privacy.retention.days"));
        retentionDays.setHelperText(getTranslation("privacy.retention.days.help",
                PrivacySettings.MIN_DAYS, PrivacySettings.MAX_DAYS));
        retentionDays.setMin(PrivacySettings.MIN_DAYS);
        retentionDays.setMax(PrivacySettings.MAX_DAYS);
        retentionDays.setStepButtonsVisible(true);
        keepUntilDeleted.setId("privacy-keep-until-deleted");
        keepUntilDeleted.setLabel(getTranslation("privacy.retention.keep"));
        keepUntilDeleted.addValueChangeListener(event -> retentionDays.setEnabled(!event.getValue()));
        Button save = new Button(getTranslation("privacy.retention.save"), click -> saveRetention());
        save.setId("privacy-retention-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Paragraph explanation = new Paragraph(getTranslation("privacy.retention.explanation"));
        Section section = new Section(heading, explanation, keepUntilDeleted, retentionDays, save);
        section.setId("privacy-retention");
        return section;
    }

    private void loadSettings() {
        settings = privacy.settingsOfMyCourse();
        keepUntilDeleted.setValue(settings.retentionDays() == null);
        retentionDays.setValue(settings.retentionDays() == null ? 365 : settings.retentionDays());
        retentionDays.setEnabled(settings.retentionDays() != null);
    }

    private void saveRetention() {
        Integer days = keepUntilDeleted.getValue() ? null : retentionDays.getValue();
        if (!keepUntilDeleted.getValue() && days == null) {
            retentionDays.setInvalid(true);
            retentionDays.setErrorMessage(getTranslation("privacy.retention.out-of-range"));
            return;
        }
        try {
            settings = privacy.saveRetention(days, settings.revision());
            retentionDays.setInvalid(false);
            message.setText(days == null ? getTranslation("privacy.retention.saved.keep")
                    : getTranslation("privacy.retention.saved", days));
            trail.getDataProvider().refreshAll();
        } catch (PrivacyRefusal refusal) {
            if (refusal.messageKey().equals("privacy.retention.out-of-range")) {
                retentionDays.setInvalid(true);
                retentionDays.setErrorMessage(getTranslation(refusal.messageKey()));
            } else {
                message.setText(getTranslation(refusal.messageKey()));
                loadSettings();
            }
        }
    }

    // --- teachers: one student's data ---

    private Component studentsSection() {
        students.setId("privacy-students");
        students.addColumn(this::nameOf).setHeader(getTranslation("privacy.students.name")).setFlexGrow(2);
        students.addColumn(student -> student.leftCourse() ? getTranslation("privacy.students.left") : "")
                .setHeader(getTranslation("privacy.students.status"));
        students.addComponentColumn(student -> {
            Anchor download = downloadLink("privacy-download-" + student.personId(),
                    getTranslation("privacy.students.download"), student.personId());
            download.getElement().setAttribute("aria-label",
                    getTranslation("privacy.students.download.for", nameOf(student)));
            Button delete = new Button(getTranslation("privacy.students.delete"), click -> confirmErase(student));
            delete.setId("privacy-delete-" + student.personId());
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            delete.getElement().setAttribute("aria-label", getTranslation("privacy.students.delete.for", nameOf(student)));
            HorizontalLayout actions = new HorizontalLayout(download, delete);
            actions.setAlignItems(FlexComponent.Alignment.BASELINE);
            return actions;
        }).setKey("actions").setHeader(getTranslation("privacy.students.actions")).setFlexGrow(2);
        students.setAllRowsVisible(true);
        students.getElement().setAttribute("aria-label", getTranslation("privacy.students.title"));
        Section section = new Section(new H2(getTranslation("privacy.students.title")),
                new Paragraph(getTranslation("privacy.students.explanation")), students);
        section.setId("privacy-students-section");
        return section;
    }

    private void loadStudents() {
        var list = records.studentsOfMyCourse();
        students.setItems(list);
        trailStudent.setItems(list);
    }

    private void confirmErase(StudentSummary student) {
        Dialog dialog = new Dialog(getTranslation("privacy.erase.title", nameOf(student)));
        dialog.setWidth("min(32rem, 95vw)");
        Paragraph explanation = new Paragraph(getTranslation("privacy.erase.explanation", nameOf(student)));
        Button confirm = new Button(getTranslation("privacy.erase.confirm", nameOf(student)), click -> {
            dialog.close();
            try {
                records.erase(student.personId());
                message.setText(getTranslation("privacy.erase.done", nameOf(student)));
            } catch (PrivacyRefusal refusal) {
                message.setText(getTranslation(refusal.messageKey()));
            }
            loadStudents();
            trail.getDataProvider().refreshAll();
        });
        confirm.setId("privacy-erase-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("privacy.erase.cancel"), click -> dialog.close());
        cancel.setId("privacy-erase-cancel");
        dialog.add(explanation);
        dialog.getFooter().add(cancel, confirm);
        dialog.open();
        cancel.focus();
    }

    private Anchor downloadLink(String id, String text, long studentPersonId) {
        Anchor link = new Anchor();
        link.setText(text);
        link.setHref((DownloadEvent event) -> download(event, studentPersonId), AttachmentType.DOWNLOAD);
        link.setId(id);
        return link;
    }

    private void download(DownloadEvent event, long studentPersonId) throws IOException {
        byte[] json = records.exportJson(studentPersonId);
        event.setFileName(records.exportFileName(studentPersonId));
        event.setContentType("application/json");
        event.setContentLength(json.length);
        event.getOutputStream().write(json);
    }

    // --- teachers: audit trail ---

    private Component trailSection() {
        trailStudent.setId("privacy-trail-student");
        trailStudent.setLabel(getTranslation("privacy.trail.student"));
        trailStudent.setItemLabelGenerator(this::nameOf);
        trailStudent.setClearButtonVisible(true);
        trailStudent.setPlaceholder(getTranslation("privacy.trail.everyone"));
        trailStudent.addValueChangeListener(event -> trail.getDataProvider().refreshAll());
        trail.setId("privacy-trail");
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(getLocale());
        trail.addColumn(entry -> format.format(entry.at().atZone(zone))).setHeader(getTranslation("privacy.trail.when"));
        trail.addColumn(entry -> entry.actorName() == null ? getTranslation("privacy.trail.cairn") : entry.actorName())
                .setHeader(getTranslation("privacy.trail.who"));
        trail.addColumn(entry -> entry.studentName() == null ? "" : entry.studentName())
                .setHeader(getTranslation("privacy.trail.student.column"));
        trail.addColumn(this::describe).setHeader(getTranslation("privacy.trail.what")).setFlexGrow(3);
        trail.setItems(query -> audit.trailOfMyCourse(selectedStudent(), query.getOffset(), query.getLimit()).stream(),
                query -> audit.countOfMyCourse(selectedStudent()));
        trail.setEmptyStateText(getTranslation("privacy.trail.empty"));
        trail.getElement().setAttribute("aria-label", getTranslation("privacy.trail.title"));
        trail.setHeight("24rem");
        Section section = new Section(new H2(getTranslation("privacy.trail.title")), trailStudent, trail);
        section.setId("privacy-trail-section");
        return section;
    }

    private @Nullable Long selectedStudent() {
        StudentSummary student = trailStudent.getValue();
        return student == null ? null : student.personId();
    }

    private String describe(AuditEntry entry) {
        String what = getTranslation("privacy.audit.kind." + entry.kind().name());
        String subject = "-".equals(entry.subject()) ? "" : " " + entry.subject();
        String change = entry.from() == null && entry.to() == null ? ""
                : ": " + (entry.from() == null ? "—" : entry.from()) + " → " + (entry.to() == null ? "—" : entry.to());
        return what + subject + change;
    }

    private String nameOf(StudentSummary student) {
        return student.name() == null ? getTranslation("privacy.students.no-name") : student.name();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("privacy.title");
    }
}
