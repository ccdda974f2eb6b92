package app.cairn.gradebook.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import app.cairn.gradebook.Gradebook;
import app.cairn.gradebook.GradebookStatus;
import app.cairn.gradebook.ScoreRow;
import app.cairn.gradebook.ScoreStatus;
import app.cairn.shared.ui.CourseLayout;
import jakarta.annotation.security.RolesAllowed;

/** What Cairn has sent to the LMS gradebook, per student and item, what waits, and what failed and why. */
@Route(value = "gradebook", layout = CourseLayout.class)
@RolesAllowed("TEACHER")
public class GradebookView extends VerticalLayout implements HasDynamicTitle {

    private final Gradebook gradebook;
    private final Paragraph status = new Paragraph();
    private final Paragraph empty = new Paragraph();
    private final Grid<ScoreRow> scores = new Grid<>();
    private ZoneId zone = ZoneOffset.UTC;

    public GradebookView(Gradebook gradebook) {
        this.gradebook = gradebook;
        setPadding(false);
        status.setId("gradebook-status");
        status.getElement().setAttribute("role", "status");
        empty.setId("gradebook-empty");
        Button refresh = new Button(getTranslation("gradebook.refresh"), click -> refresh());
        refresh.setId("gradebook-refresh");

        scores.setId("gradebook-grid");
        scores.addColumn(row -> row.studentName() == null ? getTranslation("gradebook.no-name") : row.studentName())
                .setHeader(getTranslation("gradebook.column.student")).setFlexGrow(2);
        scores.addColumn(ScoreRow::itemLabel).setHeader(getTranslation("gradebook.column.item")).setFlexGrow(2);
        scores.addColumn(row -> format(row.scoreGiven()) + " / " + format(row.scoreMaximum())
                        + (row.levelLabel() == null ? "" : " (" + row.levelLabel() + ")"))
                .setHeader(getTranslation("gradebook.column.score"));
        scores.addColumn(this::state).setHeader(getTranslation("gradebook.column.state")).setFlexGrow(3);
        scores.addComponentColumn(row -> {
            if (row.status() != ScoreStatus.FAILED) {
                return new Span();
            }
            Button retry = new Button(getTranslation("gradebook.retry"), click -> {
                gradebook.retry(row.id());
                refresh();
            });
            retry.setId("gradebook-retry-" + row.id());
            return retry;
        }).setKey("action").setHeader(getTranslation("gradebook.column.action"));
        scores.setAllRowsVisible(true);
        scores.getElement().setAttribute("aria-label", getTranslation("gradebook.title"));
        add(new H1(getTranslation("gradebook.title")), status, refresh, empty, scores);
        refresh();
        getElement().getNode().runWhenAttached(ui -> ui.getPage().retrieveExtendedClientDetails(details -> {
            zone = ZoneId.of(details.getTimeZoneId());
            refresh();
        }));
    }

    private void refresh() {
        GradebookStatus state = gradebook.statusOfMyCourse();
        if (!state.available()) {
            status.setText(getTranslation("gradebook.status.unavailable"));
        } else if (!state.canSendScores()) {
            status.setText(getTranslation("gradebook.status.no-score-scope"));
        } else {
            status.setText(getTranslation("gradebook.status.counts", state.sent(), state.pending(), state.failed()));
        }
        List<ScoreRow> rows = gradebook.scoresOfMyCourse();
        empty.setVisible(rows.isEmpty());
        empty.setText(getTranslation("gradebook.empty"));
        scores.setVisible(!rows.isEmpty());
        scores.setItems(rows);
    }

    private String state(ScoreRow row) {
        String reason = row.lastError() == null ? "" : row.lastError();
        return switch (row.status()) {
            case SENT -> getTranslation("gradebook.state.sent", when(row.sentAt()));
            case PENDING -> row.lastError() == null ? getTranslation("gradebook.state.pending")
                    : getTranslation("gradebook.state.retrying", when(row.nextAttemptAt()), reason);
            case FAILED -> getTranslation("gradebook.state.failed", reason);
            case SUPERSEDED -> getTranslation("gradebook.state.superseded", reason);
        };
    }

    private String when(@Nullable Instant time) {
        if (time == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(getLocale()).withZone(zone).format(time)
                + " (" + zone.getId() + ")";
    }

    private String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(getLocale() == null ? Locale.ROOT : getLocale(), "%.2f", value);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("gradebook.title");
    }
}
