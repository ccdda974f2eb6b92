package app.cairn.evidence.ui;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;

import app.cairn.evidence.ProficiencyExplanation;

/**
 * "Why this score", for teachers and students alike: the evidence counted (oldest work first), the
 * course's method and the calculation step by step, then the result. A live region, so a screen
 * reader hears it when it changes.
 */
class WhyPanel extends Section {

    WhyPanel(String id) {
        setId(id);
        getElement().setAttribute("aria-live", "polite");
        setWidthFull();
    }

    void clear() {
        removeAll();
    }

    void show(String heading, ProficiencyExplanation explanation) {
        removeAll();
        add(new H2(heading));
        add(new Paragraph(getTranslation("evidence.why.method",
                getTranslation("proficiency.policy.method." + explanation.method()))));
        if (explanation.counted().isEmpty()) {
            Paragraph nothing = new Paragraph(getTranslation("evidence.why.nothing-counted"));
            nothing.setId("why-nothing-counted");
            add(nothing);
        } else {
            OrderedList counted = new OrderedList();
            counted.setId("why-counted");
            DateTimeFormatter day = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                    .withLocale(getLocale() == null ? Locale.ENGLISH : getLocale());
            explanation.counted().forEach(c -> counted.add(new ListItem(getTranslation("evidence.why.counted",
                    day.format(c.performedOn()), c.assessmentTitle(), c.viaTitle(), c.criterionTitle(), c.levelLabel(),
                    LevelChip.number(this, c.points().doubleValue())))));
            add(counted);
        }
        OrderedList steps = new OrderedList();
        steps.setId("why-steps");
        explanation.steps().forEach(step -> steps.add(new ListItem(getTranslation(step.messageKey(), step.argsArray()))));
        add(steps);
        Paragraph result = new Paragraph(explanation.level() == null ? getTranslation("evidence.why.none")
                : getTranslation("evidence.why.result", LevelChip.number(this, explanation.proficiency()),
                explanation.level().label()));
        result.setId("why-result");
        add(result);
    }
}
