package app.cairn.evidence.ui;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;

import app.cairn.evidence.QueueEntry;
import app.cairn.evidence.QueueFilter;
import app.cairn.evidence.Scoring;
import app.cairn.shared.ui.CourseLayout;
import app.cairn.unit.UnitSummary;
import app.cairn.unit.Units;
import jakarta.annotation.security.RolesAllowed;

/**
 * The evidence waiting for the teacher, oldest first, narrowed by unit; each opens the answer page.
 * Alt+N opens the oldest.
 */
@Route(value = "scoring", layout = CourseLayout.class)
@RolesAllowed("TEACHER")
public class ScoringQueueView extends VerticalLayout implements HasDynamicTitle {

    private final Scoring scoring;
    private final Select<@Nullable UnitSummary> unit = new Select<>();
    private final Paragraph empty = new Paragraph();
    private final Div table = new Div();
    private List<QueueEntry> entries = List.of();

    public ScoringQueueView(Scoring scoring, Units units) {
        this.scoring = scoring;
        setPadding(false);
        setMaxWidth("960px");
        unit.setId("scoring-unit");
        unit.setLabel(getTranslation("evidence.queue.unit"));
        unit.setEmptySelectionAllowed(true);
        unit.setEmptySelectionCaption(getTranslation("evidence.queue.all-units"));
        unit.setItems(units.units());
        unit.setItemLabelGenerator(u -> u == null ? getTranslation("evidence.queue.all-units") : u.title());
        unit.addValueChangeListener(event -> refresh());
        empty.setId("scoring-empty");
        empty.getElement().setAttribute("role", "status");
        Button oldest = new Button(getTranslation("evidence.queue.open-oldest"), click -> openOldest());
        oldest.setId("scoring-open-oldest");
        oldest.addClickShortcut(Key.KEY_N, KeyModifier.ALT);
        Paragraph keys = new Paragraph(getTranslation("evidence.queue.keys"));
        keys.addClassName("cairn-hint");
        table.setWidthFull();
        add(new H1(getTranslation("evidence.queue.title")), unit, keys, oldest, empty, table);
        refresh();
    }

    private void refresh() {
        UnitSummary chosen = unit.getValue();
        entries = scoring.queue(new QueueFilter(chosen == null ? null : chosen.id(), null, null));
        empty.setText(getTranslation("evidence.queue.empty"));
        empty.setVisible(entries.isEmpty());
        table.removeAll();
        if (entries.isEmpty()) {
            return;
        }
        NativeTable grid = new NativeTable();
        grid.setId("scoring-queue");
        grid.setCaptionText(getTranslation("evidence.queue.caption", entries.size()));
        grid.addClassName("cairn-table");
        NativeTableRow head = grid.getHead().addRow();
        for (String key : new String[] {"evidence.queue.student", "evidence.queue.unit", "evidence.queue.what",
                "evidence.queue.kind", "evidence.queue.since"}) {
            NativeTableHeaderCell cell = head.addHeaderCell();
            cell.setText(getTranslation(key));
            cell.getElement().setAttribute("scope", "col");
        }
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                .withLocale(getLocale() == null ? Locale.ENGLISH : getLocale()).withZone(ZoneOffset.UTC);
        for (QueueEntry entry : entries) {
            NativeTableRow row = grid.getBody().addRow();
            row.setId("queue-row-" + entry.evidenceId());
            NativeTableHeaderCell name = row.addHeaderCell();
            name.getElement().setAttribute("scope", "row");
            RouterLink open = new RouterLink(entry.studentName() == null ? getTranslation("evidence.unnamed")
                    : entry.studentName(), ScoreEvidenceView.class,
                    new RouteParameters(Map.of("evidenceId", String.valueOf(entry.evidenceId()))));
            open.setId("open-evidence-" + entry.evidenceId());
            name.add(open);
            row.addDataCell().setText(entry.unitTitle());
            row.addDataCell().setText(entry.assessmentTitle() + " · " + entry.viaTitle()
                    + (entry.reassessmentReason() == null ? ""
                    : " — " + getTranslation("evidence.queue.reassess", entry.reassessmentReason())));
            row.addDataCell().setText(getTranslation("evidence.kind." + entry.kind()));
            row.addDataCell().setText(when.format(entry.queuedAt()) + " UTC");
        }
        Div scroller = new Div(grid);
        scroller.addClassName("cairn-rubric-scroll");
        // Focusable so keyboard users can scroll it sideways; a named region so they hear what it is.
        scroller.getElement().setAttribute("tabindex", "0");
        scroller.getElement().setAttribute("role", "region");
        scroller.getElement().setAttribute("aria-label", grid.getCaption().getText());
        table.add(scroller);
    }

    private void openOldest() {
        refresh();
        if (!entries.isEmpty()) {
            getUI().ifPresent(ui -> ui.navigate(ScoreEvidenceView.class,
                    new RouteParameters(Map.of("evidenceId", String.valueOf(entries.getFirst().evidenceId())))));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("evidence.queue.title");
    }
}
