package app.cairn.evidence.ui;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;

import app.cairn.evidence.ProficiencyCell;
import app.cairn.proficiency.LevelView;
import app.cairn.shared.ui.PointsText;

/**
 * A level as a chip: the scale's colour behind the level's label, written in black or white, whichever
 * keeps 4.5:1 on that colour. The label is always there, so colour is never the only sign (WCAG 1.4.1).
 */
final class LevelChip {

    private LevelChip() {
    }

    /** A chip in the level's colour with this text. */
    static Span of(LevelView level, String text) {
        Span chip = new Span(text);
        chip.addClassName("cairn-level-chip");
        // Inline: each course has its own scale, so the colours cannot live in the stylesheet.
        chip.getStyle().set("background-color", level.colour()).set("color", level.textColour());
        return chip;
    }

    /** A cell: its level with the value, or a plain "no evidence yet" chip. */
    static Span of(Component owner, ProficiencyCell cell) {
        if (cell.level() == null) {
            Span none = new Span(owner.getTranslation("evidence.mastery.none"));
            none.addClassNames("cairn-level-chip", "cairn-level-none");
            return none;
        }
        return of(cell.level(), text(owner, cell));
    }

    /** "Proficient (3.25)", or "No evidence yet". */
    static String text(Component owner, ProficiencyCell cell) {
        return cell.level() == null ? owner.getTranslation("evidence.mastery.none")
                : cell.level().label() + " (" + number(owner, cell.proficiency()) + ")";
    }

    /** Up to two decimals, whole numbers without any. */
    static String number(Component owner, @Nullable Double value) {
        if (value == null) {
            return "";
        }
        UI ui = UI.getCurrent();
        return PointsText.of(value, ui == null || ui.getLocale() == null ? Locale.ENGLISH : ui.getLocale());
    }
}
