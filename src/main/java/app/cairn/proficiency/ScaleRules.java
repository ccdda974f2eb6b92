package app.cairn.proficiency;

import static app.cairn.proficiency.ScaleProblem.ofLevel;
import static app.cairn.proficiency.ScaleProblem.ofScale;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import app.cairn.proficiency.ScaleProblem.Field;

/** The rules a scale must meet before anything is written; all problems are collected at once. */
final class ScaleRules {

    static final int MIN_LEVELS = 2;
    static final int MAX_LEVELS = 10;
    static final int MAX_NAME = 200;
    static final int MAX_LABEL = 100;
    static final int MAX_DESCRIPTION = 2000;
    // DECIMAL(6,2)
    private static final BigDecimal MAX_POINTS = new BigDecimal("9999.99");

    private ScaleRules() {
    }

    static List<ScaleProblem> check(ScaleDraft draft) {
        List<ScaleProblem> problems = new ArrayList<>();
        String name = draft.name() == null ? "" : draft.name().strip();
        if (name.isEmpty()) {
            problems.add(ofScale("scale.error.name-blank", Field.NAME));
        } else if (name.length() > MAX_NAME) {
            problems.add(ofScale("scale.error.name-too-long", Field.NAME));
        }
        List<LevelDraft> levels = draft.levels();
        if (levels.size() < MIN_LEVELS) {
            problems.add(ofScale("scale.error.too-few-levels", Field.LEVELS));
        } else if (levels.size() > MAX_LEVELS) {
            problems.add(ofScale("scale.error.too-many-levels", Field.LEVELS));
        }
        Set<String> labels = new HashSet<>();
        BigDecimal previousPoints = null;
        int masteryLevels = 0;
        for (int i = 0; i < levels.size(); i++) {
            LevelDraft level = levels.get(i);
            String label = level.label() == null ? "" : level.label().strip();
            if (label.isEmpty()) {
                problems.add(ofLevel("scale.error.label-blank", Field.LABEL, i));
            } else if (label.length() > MAX_LABEL) {
                problems.add(ofLevel("scale.error.label-too-long", Field.LABEL, i));
            } else if (!labels.add(label.toLowerCase(Locale.ROOT))) {
                problems.add(ofLevel("scale.error.label-duplicate", Field.LABEL, i));
            }
            if (level.description() != null && level.description().length() > MAX_DESCRIPTION) {
                problems.add(ofLevel("scale.error.description-too-long", Field.DESCRIPTION, i));
            }
            BigDecimal points = level.points();
            if (points == null) {
                problems.add(ofLevel("scale.error.points-missing", Field.POINTS, i));
            } else if (points.signum() < 0 || points.compareTo(MAX_POINTS) > 0 || points.stripTrailingZeros().scale() > 2) {
                problems.add(ofLevel("scale.error.points-range", Field.POINTS, i));
            } else {
                if (previousPoints != null && points.compareTo(previousPoints) <= 0) {
                    problems.add(ofLevel("scale.error.points-order", Field.POINTS, i));
                }
                previousPoints = points;
            }
            if (!ScaleColours.isHex(level.colour())) {
                problems.add(ofLevel("scale.error.colour-format", Field.COLOUR, i));
            } else if (ScaleColours.contrast(level.colour(), "#ffffff") < ScaleColours.MIN_CONTRAST_AGAINST_WHITE) {
                problems.add(ofLevel("scale.error.colour-contrast", Field.COLOUR, i));
            }
            if (level.mastery()) {
                masteryLevels++;
            }
        }
        if (masteryLevels == 0) {
            problems.add(ofScale("scale.error.no-mastery", Field.MASTERY));
        } else if (masteryLevels > 1) {
            for (int i = 0; i < levels.size(); i++) {
                if (levels.get(i).mastery()) {
                    problems.add(ofLevel("scale.error.several-mastery", Field.MASTERY, i));
                }
            }
        }
        return problems;
    }
}
