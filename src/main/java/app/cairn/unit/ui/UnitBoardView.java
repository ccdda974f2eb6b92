package app.cairn.unit.ui;

import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;

import app.cairn.shared.ui.CourseLayout;
import app.cairn.unit.Board;
import app.cairn.unit.Proposal;
import app.cairn.unit.Unit;
import app.cairn.unit.UnitRejectedException;
import app.cairn.unit.Units;
import jakarta.annotation.security.RolesAllowed;

/**
 * Who is where in a unit: students by the target they are on, stuck longest first, their pacing, one
 * click to each student's path; and the proposals waiting, to approve or return with a comment.
 */
@Route(value = "units/:unitId/board", layout = CourseLayout.class)
@RolesAllowed("TEACHER")
public class UnitBoardView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final Units units;
    private final H1 heading = new H1();
    private final Div content = new Div();
    private @Nullable Board board;

    public UnitBoardView(Units units) {
        this.units = units;
        addClassName("cairn-unit-board");
        setPadding(false);
        setMaxWidth("800px");
        heading.setText(getTranslation("unit.board.title"));
        content.setWidthFull();
        add(heading, content);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Long id = event.getRouteParameters().getLong("unitId").orElse(null);
        try {
            if (id == null) {
                throw new AccessDeniedException("No unit id");
            }
            show(units.board(id));
        } catch (AccessDeniedException e) {
            board = null;
            content.removeAll();
            Paragraph missing = new Paragraph(getTranslation("unit.not-found"));
            missing.setId("unit-not-found");
            content.add(missing);
        }
    }

    private void show(Board shown) {
        board = shown;
        Unit unit = shown.unit();
        heading.setText(getTranslation("unit.board.heading", unit.title()));
        content.removeAll();
        NativeTable table = new NativeTable();
        table.setId("board-table");
        table.setCaptionText(getTranslation("unit.board.caption"));
        table.addClassName("cairn-table");
        NativeTableRow head = table.getHead().addRow();
        for (String key : new String[] {"unit.board.student", "unit.board.target", "unit.board.pacing", "unit.board.since"}) {
            NativeTableHeaderCell cell = head.addHeaderCell();
            cell.setText(getTranslation(key));
            cell.getElement().setAttribute("scope", "col");
        }
        for (Board.Row row : shown.rows()) {
            NativeTableRow tr = table.getBody().addRow();
            tr.setId("board-row-" + row.studentPersonId());
            NativeTableHeaderCell name = tr.addHeaderCell();
            name.getElement().setAttribute("scope", "row");
            RouterLink path = new RouterLink(row.name() == null ? getTranslation("unit.board.unnamed") : row.name(),
                    StudentPathView.class, new RouteParameters(java.util.Map.of("unitId", String.valueOf(unit.id()),
                            "studentId", String.valueOf(row.studentPersonId()))));
            path.setId("open-path-" + row.studentPersonId());
            name.add(path);
            tr.addDataCell().setText(row.currentIndex() == null ? getTranslation("unit.board.done")
                    : getTranslation("unit.target.name", row.currentIndex() + 1) + ": "
                    + unit.targets().get(row.currentIndex()).label());
            tr.addDataCell().setText(getTranslation("unit.pacing-status." + row.pacing()));
            tr.addDataCell().setText(row.onItSince() == null ? ""
                    : row.onItSince().atZone(ZoneOffset.UTC).toLocalDate().toString());
        }
        Div scroller = new Div(table);
        scroller.addClassName("cairn-rubric-scroll");
        scroller.getElement().setAttribute("tabindex", "0");
        scroller.getElement().setAttribute("role", "region");
        scroller.getElement().setAttribute("aria-label", getTranslation("unit.board.caption"));
        content.add(scroller);
        if (shown.rows().isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("unit.board.no-students"));
            none.setId("board-no-students");
            content.add(none);
        }
        content.add(new H2(getTranslation("unit.board.pending")));
        if (shown.pending().isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("unit.board.no-pending"));
            none.setId("board-no-pending");
            content.add(none);
        }
        for (Proposal proposal : shown.pending()) {
            content.add(proposal(unit, proposal));
        }
    }

    private Section proposal(Unit unit, Proposal proposal) {
        Section box = new Section();
        box.setId("proposal-" + proposal.id());
        box.addClassName("cairn-proposal");
        String targets = String.join(", ", proposal.targetIds().stream()
                .map(id -> unit.targets().stream().filter(t -> t.id() == id).findFirst()
                        .map(t -> getTranslation("unit.target.name", t.position() + 1)).orElse(""))
                .toList());
        box.add(new H3(proposal.title()),
                new Paragraph(getTranslation("unit.proposal.by", proposal.studentName() == null ? "" : proposal.studentName(),
                        getTranslation("unit.proposal.kind." + proposal.kind()), targets)),
                new Paragraph(getTranslation("unit.proposal.plan") + ": " + proposal.plan()),
                new Paragraph(getTranslation("unit.proposal.evidence") + ": " + proposal.showsIndicator()));
        TextArea comment = new TextArea(getTranslation("unit.proposal.comment"));
        comment.setId("proposal-" + proposal.id() + "-comment");
        comment.setManualValidation(true);
        comment.setWidthFull();
        Button approve = new Button(getTranslation("unit.proposal.approve"), e -> review(proposal, true, comment));
        approve.setId("proposal-" + proposal.id() + "-approve");
        approve.setAriaLabel(getTranslation("unit.proposal.approve.label", proposal.title()));
        Button giveBack = new Button(getTranslation("unit.proposal.return"), e -> review(proposal, false, comment));
        giveBack.setId("proposal-" + proposal.id() + "-return");
        giveBack.setAriaLabel(getTranslation("unit.proposal.return.label", proposal.title()));
        FlexLayout actions = new FlexLayout(approve, giveBack);
        actions.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        actions.addClassName("cairn-actions");
        box.add(comment, actions);
        return box;
    }

    private void review(Proposal proposal, boolean approve, TextArea comment) {
        try {
            units.review(proposal.id(), approve, comment.getValue());
            Notification.show(getTranslation(approve ? "unit.proposal.approved" : "unit.proposal.returned"));
            if (board != null) {
                show(units.board(board.unit().id()));
            }
        } catch (UnitRejectedException e) {
            comment.setErrorMessage(getTranslation(e.problems().getFirst().messageKey()));
            comment.setInvalid(true);
        }
    }

    @Override
    public String getPageTitle() {
        return board == null ? getTranslation("unit.board.title") : getTranslation("unit.board.heading", board.unit().title());
    }
}
