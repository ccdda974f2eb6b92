package app.cairn.rubric.ui;

import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;

import app.cairn.rubric.Rubric;
import app.cairn.rubric.RubricRejectedException;
import app.cairn.rubric.RubricSummary;
import app.cairn.rubric.Rubrics;
import app.cairn.shared.ui.CourseLayout;
import jakarta.annotation.security.RolesAllowed;

/**
 * The course's rubric library: its own rubrics, then those shared with the platform, each with
 * open, copy, share and archive. A course has dozens of rubrics at most, so they are listed whole.
 */
@Route(value = "rubrics", layout = CourseLayout.class)
@RolesAllowed("TEACHER")
public class RubricsView extends VerticalLayout implements HasDynamicTitle {

    private final Rubrics rubrics;
    private final TextField newTitle = new TextField();
    private final Paragraph message = new Paragraph();
    private final Div list = new Div();

    public RubricsView(Rubrics rubrics) {
        this.rubrics = rubrics;
        addClassName("cairn-rubrics");
        setPadding(false);
        H1 title = new H1(getTranslation("rubrics.title"));
        Paragraph intro = new Paragraph(getTranslation("rubrics.intro"));

        newTitle.setId("rubric-new-title");
        newTitle.setLabel(getTranslation("rubrics.new.title"));
        newTitle.setMaxLength(300);
        newTitle.setManualValidation(true);
        Button create = new Button(getTranslation("rubrics.new.create"), event -> create());
        create.setId("rubric-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FlexLayout newRow = new FlexLayout(newTitle, create);
        newRow.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        newRow.setAlignItems(FlexComponent.Alignment.BASELINE);
        newRow.addClassName("cairn-actions");

        message.setId("rubrics-message");
        message.getElement().setAttribute("role", "status");
        list.setId("rubrics-list");
        list.addClassName("cairn-rubric-list");
        add(title, intro, newRow, message, list);
        refresh();
    }

    private void refresh() {
        list.removeAll();
        List<RubricSummary> all = rubrics.library();
        if (all.isEmpty()) {
            list.add(new Paragraph(getTranslation("rubrics.none")));
        }
        all.forEach(summary -> list.add(card(summary)));
    }

    private Section card(RubricSummary summary) {
        Section card = new Section();
        card.addClassName("cairn-rubric-card");
        card.setId("rubric-card-" + summary.id());
        H2 name = new H2(summary.title());
        String facts = getTranslation(summary.inUse() ? "rubrics.card.version-in-use" : "rubrics.card.version",
                summary.versionNumber(), summary.criteria());
        Span details = new Span(summary.shared() ? getTranslation("rubrics.card.shared") + " " + facts : facts);
        details.addClassName("cairn-muted");
        FlexLayout actions = new FlexLayout();
        actions.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        actions.addClassName("cairn-actions");
        actions.add(action(summary, "open", summary.editable() ? "rubrics.action.edit" : "rubrics.action.view",
                () -> getUI().ifPresent(ui -> ui.navigate(RubricBuilderView.class,
                        new RouteParameters("rubricId", String.valueOf(summary.id()))))));
        actions.add(action(summary, "copy", "rubrics.action.copy", () -> copy(summary)));
        if (summary.editable()) {
            actions.add(action(summary, "share", "rubrics.action.share", () -> share(summary)));
            actions.add(action(summary, "archive", "rubrics.action.archive", () -> archive(summary)));
        }
        card.add(name, details, actions);
        return card;
    }

    private Button action(RubricSummary summary, String what, String key, Runnable run) {
        Button button = new Button(getTranslation(key), event -> run.run());
        button.setId("rubric-" + summary.id() + "-" + what);
        // Many cards have the same buttons; the name says which rubric each one acts on.
        button.setAriaLabel(getTranslation(key + ".aria", summary.title()));
        return button;
    }

    private void create() {
        try {
            Rubric created = rubrics.create(newTitle.getValue());
            getUI().ifPresent(ui -> ui.navigate(RubricBuilderView.class,
                    new RouteParameters("rubricId", String.valueOf(created.id()))));
        } catch (RubricRejectedException e) {
            newTitle.setErrorMessage(getTranslation(e.problems().getFirst().messageKey()));
            newTitle.setInvalid(true);
            newTitle.focus();
        }
    }

    private void copy(RubricSummary summary) {
        Rubric copy = rubrics.copy(summary.id(), copyTitle(summary.title()));
        message.setText(getTranslation("rubrics.copied", copy.title()));
        refresh();
    }

    private String copyTitle(String title) {
        String copied = getTranslation("rubrics.copy-title", title);
        return copied.length() > 300 ? copied.substring(0, 300) : copied;
    }

    private void share(RubricSummary summary) {
        try {
            rubrics.shareToPlatform(summary.id());
            message.setText(getTranslation("rubrics.shared", summary.title()));
            refresh();
        } catch (RubricRejectedException e) {
            message.setText(getTranslation(e.problems().getFirst().messageKey()));
        }
    }

    private void archive(RubricSummary summary) {
        rubrics.archive(summary.id());
        message.setText(getTranslation("rubrics.archived", summary.title()));
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("rubrics.page-title");
    }
}
