package app.cairn.proficiency;

import java.math.BigDecimal;

/**
 * One level of a saved scale, in order ({@code position} 0 is the lowest).
 *
 * @param colour {@code #rrggbb}, with at least 3:1 contrast against white
 */
public record LevelView(int position, BigDecimal points, String label, String description, String colour,
                        boolean mastery) {

    /** The text colour to write on this level's swatch: black or white, whichever reads at 4.5:1. */
    public String textColour() {
        return ScaleColours.textColourOn(colour);
    }

    /** The same level as an editable draft. */
    public LevelDraft toDraft() {
        return new LevelDraft(points, label, description, colour, mastery);
    }
}
