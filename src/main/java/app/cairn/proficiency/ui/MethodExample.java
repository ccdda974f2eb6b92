package app.cairn.proficiency.ui;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;

import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;

import app.cairn.proficiency.CalculationMethod;
import app.cairn.proficiency.LevelView;
import app.cairn.proficiency.ProficiencyCalculator;
import app.cairn.proficiency.ScaleView;
import app.cairn.shared.ui.PointsText;

/**
 * The chosen method worked out on one small series of scores from the course's own scale, step by
 * step with the same calculator and wording as "why this score", so a teacher sees what a choice
 * does before saving it.
 */
class MethodExample extends Section {

    private static final LocalDate FIRST_DAY = LocalDate.of(2025, 9, 1);

    private final OrderedList steps = new OrderedList();
    private final Paragraph result = new Paragraph();

    MethodExample() {
        setId("policy-example");
        addClassName("cairn-policy-example");
        H3 heading = new H3(getTranslation("policy.example.heading"));
        heading.setId("policy-example-heading");
        getElement().setAttribute("aria-labelledby", heading.getId().orElseThrow());
        steps.setId("policy-example-steps");
        result.setId("policy-example-result");
        add(heading, new Paragraph(getTranslation("policy.example.intro")), steps, result);
    }

    /**
     * A student who starts just below mastery, dips, reaches mastery, tops it once and settles at
     * mastery (2, 1, 3, 4, 3 on the default scale): every method gives a different answer.
     */
    static List<Double> series(ScaleView scale) {
        List<LevelView> levels = scale.levels();
        int mastery = levels.indexOf(scale.masteryLevel());
        int below = Math.max(0, mastery - 1);
        int top = levels.size() - 1;
        return IntStream.of(below, 0, mastery, top, mastery)
                .mapToObj(i -> levels.get(i).points().doubleValue()).toList();
    }

    /** Three indicators of one standard: at the top level, at mastery and just below it. */
    static List<Double> indicators(ScaleView scale) {
        List<LevelView> levels = scale.levels();
        int mastery = levels.indexOf(scale.masteryLevel());
        return IntStream.of(levels.size() - 1, mastery, Math.max(0, mastery - 1))
                .mapToObj(i -> levels.get(i).points().doubleValue()).toList();
    }

    /** Works the method out again on the example scores. */
    void show(ScaleView scale, CalculationMethod method, double weight, int times) {
        steps.removeAll();
        List<ProficiencyCalculator.Score> scores = new ArrayList<>();
        List<Double> points = series(scale);
        for (int i = 0; i < points.size(); i++) {
            LocalDate day = FIRST_DAY.plusWeeks(i);
            scores.add(new ProficiencyCalculator.Score(points.get(i), day, day.atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        ProficiencyCalculator.Result worked = ProficiencyCalculator.calculate(scores,
                new ProficiencyCalculator.Method(method, weight, times, scale.masteryPoints()));
        worked.steps().forEach(step -> steps.add(new ListItem(
                getTranslation("proficiency.explain." + step.key(), step.args().toArray()))));
        Optional<Double> value = worked.value();
        result.setText(value.isEmpty() ? getTranslation("policy.example.none")
                : getTranslation("policy.example.result", PointsText.of(value.get(), locale()),
                scale.levelFor(value.get()).label()));
    }

    /** Shown instead of the steps while the method's parameter is not a valid number. */
    void showMissing(String messageKey) {
        steps.removeAll();
        result.setText(getTranslation(messageKey));
    }

    private Locale locale() {
        return getLocale() == null ? Locale.ENGLISH : getLocale();
    }
}
