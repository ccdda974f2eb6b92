package app.cairn.proficiency;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Colour checks for level swatches, after WCAG 2.x: a level colour is a graphical object and
 * needs 3:1 against the white page (1.4.11); the label written on it needs 4.5:1 (1.4.3).
 */
public final class ScaleColours {

    /** Minimum contrast of a level colour against white. */
    public static final double MIN_CONTRAST_AGAINST_WHITE = 3.0;

    private static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{6}");

    private ScaleColours() {
    }

    public static boolean isHex(@Nullable String colour) {
        return colour != null && HEX.matcher(colour).matches();
    }

    /** The WCAG contrast ratio between two {@code #rrggbb} colours, from 1 to 21. */
    public static double contrast(String colourA, String colourB) {
        double a = luminance(colourA);
        double b = luminance(colourB);
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    /** {@code "#000000"} or {@code "#ffffff"}, whichever reads better on the given colour. */
    public static String textColourOn(String colour) {
        return contrast(colour, "#000000") >= contrast(colour, "#ffffff") ? "#000000" : "#ffffff";
    }

    private static double luminance(String colour) {
        int rgb = Integer.parseInt(colour.substring(1), 16);
        return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
    }

    private static double channel(int value) {
        double c = (value & 0xff) / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
