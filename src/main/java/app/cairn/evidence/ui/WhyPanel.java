package app.cairn.evidence.ui;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.Section;

import app.cairn.evidence.ProficiencyExplanation;

/**
 * "Why this score", for teachers and students alike: the evidence counted (oldest work first), the
 * course's method and the calculation step by step, then the result. Opening it scrolls it into
 * view and moves focus to its heading: it opens below the grid or list, often out of sight in an LMS
 * iframe, and keyboard users land where they asked to go.
 */
class WhyPanel extends Section {

    /** Whether the heading is an h2 (below the page's h1) or an h3 (inside a section with its own h2). */
    private final boolean subsection;

    WhyPanel(String id, boolean subsection) {
        this.subsection = subsection;
        setId(id);
        addClassName("cairn-why");
        setWidthFull();
        setVisible(false);
    }

    void clear() {
        removeAll();
        setVisible(false);
    }

    void show(String heading, ProficiencyExplanation explanation) {
        removeAll();
        setVisible(true);
        Component title = subsection ? new H3(heading) : new H2(heading);
        title.setId(getId().orElse("why") + "-heading");
        // Focusable by script only, so focus can move here without adding a tab stop.
        title.getElement().setAttribute("tabindex", "-1");
        add(title);
        add(new Paragraph(getTranslation("evidence.why.method",
                getTranslation("proficiency.policy.method." + explanation.method()))));
        if (explanation.counted().isEmpty()) {
            Paragraph nothing = new Paragraph(getTranslation("evidence.why.nothing-counted"));
            nothing.setId("why-nothing-counted");
            add(nothing);
        } else {
            add(part("evidence.why.counted-heading"));
            OrderedList counted = new OrderedList();
            counted.setId("why-counted");
            DateTimeFormatter day = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                    .withLocale(getLocale() == null ? Locale.ENGLISH : getLocale());
            explanation.counted().forEach(c -> counted.add(new ListItem(getTranslation("evidence.why.counted",
                    day.format(c.performedOn()), c.assessmentTitle(), c.viaTitle(), c.criterionTitle(), c.levelLabel(),
                    LevelChip.number(this, c.points().doubleValue())))));
            add(counted);
        }
        add(part("evidence.why.steps-heading"));
        OrderedList steps = new OrderedList();
        steps.setId("why-steps");
        explanation.steps().forEach(step -> steps.add(new ListItem(getTranslation(step.messageKey(), step.argsArray()))));
        add(steps);
        Paragraph result = new Paragraph(explanation.level() == null ? getTranslation("evidence.why.none")
                : getTranslation("evidence.why.result", LevelChip.number(this, explanation.proficiency()),
                explanation.level().label()));
        result.setId("why-result");
        result.addClassName("cairn-why-result");
        add(result);
        title.getElement().executeJs("this.scrollIntoView({block: 'start'}); this.focus({preventScroll: true})");
    }

    /** A label above each list, so its numbers are not read as one series with the other's. */
    private Span part(String key) {
        Span label = new Span(getTranslation(key));
        label.addClassName("cairn-why-part");
        return label;
    }
}
