package app.cairn.evidence.ui;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.server.streams.DownloadHandler;

import app.cairn.evidence.BodyOfEvidence;
import app.cairn.evidence.EvidenceFile;
import app.cairn.evidence.EvidenceStatus;
import app.cairn.evidence.EvidenceView;
import app.cairn.evidence.HistoryEntry;
import app.cairn.evidence.HistoryKind;

/**
 * A piece of evidence, read-only: what it is for, its text, links and files (downloads go through
 * the service, which checks the viewer again), and its history with the teacher's words and levels.
 */
class EvidencePanel extends Div {

    /** {@code teacher}: shown to a teacher, so the status speaks to them ("waiting for your answer"). */
    EvidencePanel(BodyOfEvidence evidence, EvidenceView shown, boolean teacher) {
        setId("evidence-" + shown.id());
        addClassName("cairn-evidence");
        setWidthFull();
        Paragraph what = new Paragraph(getTranslation("evidence.view.for", shown.assessmentTitle(), shown.viaTitle()));
        what.setId("evidence-what");
        Span status = new Span(status(this, shown.status(), teacher));
        status.setId("evidence-status");
        status.addClassName("cairn-badge");
        add(what, status);
        if (shown.performedOn() != null) {
            add(new Paragraph(getTranslation("evidence.view.performed-on", date(shown.performedOn()))));
        }
        if (shown.text() != null) {
            Paragraph text = new Paragraph(shown.text());
            text.setId("evidence-text");
            text.getStyle().set("white-space", "pre-wrap");
            add(text);
        }
        if (!shown.links().isEmpty()) {
            UnorderedList links = new UnorderedList();
            links.setId("evidence-links");
            shown.links().forEach(link -> {
                Anchor anchor = new Anchor(link, link, AnchorTarget.BLANK);
                anchor.getElement().setAttribute("rel", "noopener noreferrer");
                links.add(new ListItem(anchor));
            });
            add(links);
        }
        if (!shown.files().isEmpty()) {
            UnorderedList files = new UnorderedList();
            files.setId("evidence-files");
            for (EvidenceFile file : shown.files()) {
                DownloadHandler download = event -> {
                    event.setFileName(file.name());
                    event.setContentType(file.mediaType());
                    event.setContentLength(file.sizeBytes());
                    evidence.copyFile(file.id(), event.getOutputStream());
                };
                Anchor anchor = new Anchor(download, getTranslation("evidence.view.file", file.name(), size(file.sizeBytes())));
                anchor.setId("evidence-file-" + file.id());
                files.add(new ListItem(anchor));
            }
            add(files);
        }
        if (!shown.history().isEmpty()) {
            H3 heading = new H3(getTranslation("evidence.view.history"));
            OrderedList history = new OrderedList();
            history.setId("evidence-history");
            for (HistoryEntry entry : shown.history()) {
                ListItem item = new ListItem();
                String who = entry.actorName() == null ? "" : " (" + entry.actorName() + ")";
                item.add(new Span(getTranslation("evidence.history." + entry.kind()) + who + " · "
                        + DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale())
                        .withZone(java.time.ZoneOffset.UTC).format(entry.at()) + " UTC"));
                if (entry.kind() == HistoryKind.PERFORMED_ON_CORRECTED && entry.performedOn() != null) {
                    item.add(new Paragraph(getTranslation("evidence.view.performed-on", date(entry.performedOn()))));
                }
                if (!entry.levels().isEmpty()) {
                    UnorderedList levels = new UnorderedList();
                    entry.levels().forEach(l -> levels.add(new ListItem(l.criterionTitle() + ": " + l.levelLabel())));
                    item.add(levels);
                }
                if (entry.comment() != null) {
                    Paragraph comment = new Paragraph(entry.comment());
                    comment.getStyle().set("white-space", "pre-wrap");
                    item.add(comment);
                }
                if (entry.superseded()) {
                    item.add(new Paragraph(getTranslation("evidence.history.superseded")));
                }
                history.add(item);
            }
            add(heading, history);
        }
    }

    private Locale locale() {
        return getLocale() == null ? Locale.ENGLISH : getLocale();
    }

    private String date(java.time.LocalDate day) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale()).format(day);
    }

    /** The status in words; handed-in work is "waiting for your teacher" to a student, "for your answer" to a teacher. */
    static String status(com.vaadin.flow.component.Component owner, EvidenceStatus status, boolean teacher) {
        return owner.getTranslation(teacher && status == EvidenceStatus.SUBMITTED ? "evidence.status.teacher." + status
                : "evidence.status." + status);
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return (bytes + 1023) / 1024 + " kB";
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
