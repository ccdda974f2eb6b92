package app.cairn.course.ui;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import app.cairn.course.CourseRoster;
import app.cairn.course.RosterEntry;
import app.cairn.course.RosterStatus;
import app.cairn.shared.ui.CourseLayout;
import jakarta.annotation.security.RolesAllowed;

/** The course's people as the LMS lists them, including students who have not opened Cairn yet. */
@Route(value = "roster", layout = CourseLayout.class)
@RolesAllowed("TEACHER")
public class RosterView extends VerticalLayout implements HasDynamicTitle {

    private final CourseRoster roster;
    private final Grid<RosterEntry> people = new Grid<>();
    private final Paragraph status = new Paragraph();
    /** The teacher's own time zone once the browser has told it; UTC, said explicitly, until then. */
    private ZoneId zone = ZoneOffset.UTC;

    public RosterView(CourseRoster roster) {
        this.roster = roster;
        setPadding(false);
        H1 title = new H1(getTranslation("roster.title"));
        status.setId("roster-status");
        status.getElement().setAttribute("role", "status");
        Button sync = new Button(getTranslation("roster.sync"), click -> {
            roster.syncMyCourseRoster();
            refresh();
        });
        sync.setId("roster-sync");

        people.setId("roster-grid");
        people.addColumn(entry -> entry.name() == null ? getTranslation("roster.no-name") : entry.name())
                .setHeader(getTranslation("roster.column.name")).setFlexGrow(2);
        people.addColumn(entry -> getTranslation("roster.role." + entry.role().name().toLowerCase(java.util.Locale.ROOT)))
                .setHeader(getTranslation("roster.column.role"));
        people.addColumn(entry -> entry.left() ? getTranslation("roster.left")
                        : entry.lastLaunch() == null ? getTranslation("roster.never-opened") : getTranslation("roster.opened"))
                .setHeader(getTranslation("roster.column.status"));
        people.setAllRowsVisible(true);
        people.getElement().setAttribute("aria-label", getTranslation("roster.title"));
        add(title, status, sync, people);
        refresh();
        getElement().getNode().runWhenAttached(ui -> ui.getPage().retrieveExtendedClientDetails(details -> {
            zone = ZoneId.of(details.getTimeZoneId());
            refresh();
        }));
    }

    private void refresh() {
        RosterStatus state = roster.rosterStatusOfMyCourse();
        if (!state.available()) {
            status.setText(getTranslation("roster.status.unavailable"));
        } else if (state.error() != null) {
            status.setText(getTranslation("roster.status.error", state.error()));
        } else if (state.syncedAt() == null) {
            status.setText(getTranslation("roster.status.never"));
        } else {
            status.setText(getTranslation("roster.status.synced", DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                    .withLocale(getLocale()).withZone(zone).format(state.syncedAt()) + " (" + zone.getId() + ")"));
        }
        people.setItems(roster.rosterOfMyCourse());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("roster.title");
    }
}
