package app.cairn.rubric.ui;

import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.HtmlContainer;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.H5;
import com.vaadin.flow.component.html.H6;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;

import app.cairn.rubric.Exemplar;
import app.cairn.rubric.Rubric;
import app.cairn.rubric.RubricVersion;

/**
 * A rubric, read-only: its title, the table of criteria × levels with their descriptors, and the
 * exemplars. Other views (a student's unit, a teacher scoring) embed it.
 */
public class RubricView extends Section {

    public RubricView(Rubric rubric) {
        this(rubric, 2);
    }

    /** With its headings at {@code headingLevel} (2 to 6), for a page that has it below headings of its own. */
    public RubricView(Rubric rubric, int headingLevel) {
        addClassName("cairn-rubric");
        setId("rubric-" + rubric.id());
        RubricVersion version = rubric.current();
        HtmlContainer title = heading(headingLevel, rubric.title());
        Paragraph versionNote = new Paragraph(getTranslation("rubric.read.version", version.number()));
        versionNote.addClassName("cairn-muted");

        NativeTable table = new NativeTable();
        table.addClassName("cairn-rubric-grid");
        table.setCaptionText(getTranslation("rubric.grid.caption"));
        NativeTableRow header = table.getHead().addRow();
        NativeTableHeaderCell corner = header.addHeaderCell();
        corner.setText(getTranslation("rubric.grid.criterion"));
        corner.getElement().setAttribute("scope", "col");
        for (RubricVersion.Level level : version.levels()) {
            NativeTableHeaderCell cell = header.addHeaderCell();
            cell.getElement().setAttribute("scope", "col");
            cell.setText(levelHeading(this, level));
        }
        for (RubricVersion.Criterion criterion : version.criteria()) {
            NativeTableRow row = table.getBody().addRow();
            NativeTableHeaderCell head = row.addHeaderCell();
            head.getElement().setAttribute("scope", "row");
            head.addClassName("cairn-criterion");
            Span name = new Span(criterion.title());
            name.addClassName("cairn-criterion-title");
            Span indicator = new Span(criterion.indicatorCode() == null ? criterion.indicatorStatement()
                    : criterion.indicatorCode() + " " + criterion.indicatorStatement());
            indicator.addClassName("cairn-muted");
            head.add(name, indicator);
            if (criterion.description() != null) {
                head.add(new Paragraph(criterion.description()));
            }
            if (!criterion.exemplars().isEmpty()) {
                head.add(exemplars(criterion.exemplars()));
            }
            for (String descriptor : criterion.descriptors()) {
                NativeTableCell cell = row.addDataCell();
                cell.setText(descriptor);
            }
        }
        Div scroller = new Div(table);
        scroller.addClassName("cairn-rubric-scroll");
        scroller.getElement().setAttribute("tabindex", "0");
        scroller.getElement().setAttribute("role", "region");
        scroller.getElement().setAttribute("aria-label", rubric.title());
        add(title, versionNote, scroller);
        if (!version.exemplars().isEmpty()) {
            add(heading(headingLevel, getTranslation("rubric.exemplars.title")), exemplars(version.exemplars()));
        }
    }

    private static HtmlContainer heading(int level, String text) {
        return switch (level) {
            case 2 -> new H2(text);
            case 3 -> new H3(text);
            case 4 -> new H4(text);
            case 5 -> new H5(text);
            case 6 -> new H6(text);
            default -> throw new IllegalArgumentException("heading level " + level + " is not 2 to 6");
        };
    }

    /** "Proficient (3 points)", marked when it is the mastery level. */
    static String levelHeading(Component component, RubricVersion.Level level) {
        String heading = component.getTranslation("rubric.level.heading", level.label(),
                level.points().stripTrailingZeros().toPlainString());
        return level.mastery() ? heading + " " + component.getTranslation("rubric.level.mastery") : heading;
    }

    private UnorderedList exemplars(List<Exemplar> exemplars) {
        UnorderedList list = new UnorderedList();
        list.addClassName("cairn-exemplar-list");
        for (Exemplar exemplar : exemplars) {
            if (exemplar.kind() == Exemplar.Kind.LINK && exemplar.url() != null) {
                String caption = exemplar.text() == null || exemplar.text().isBlank() ? exemplar.url() : exemplar.text();
                Anchor link = new Anchor(exemplar.url(), caption, AnchorTarget.BLANK);
                link.getElement().setAttribute("rel", "noopener noreferrer");
                list.add(new ListItem(link));
            } else {
                list.add(new ListItem(exemplar.text() == null ? "" : exemplar.text()));
            }
        }
        return list;
    }
}
