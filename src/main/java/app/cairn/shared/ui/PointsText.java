package app.cairn.shared.ui;

import java.util.Locale;

/** Points as a teacher reads them: whole numbers plain, others with two decimals in the page's language. */
public final class PointsText {

    private PointsText() {
    }

    public static String of(double value, Locale locale) {
        double rounded = Math.round(value * 100) / 100.0;
        return rounded == Math.rint(rounded) ? String.valueOf((long) rounded) : String.format(locale, "%.2f", rounded);
    }
}
