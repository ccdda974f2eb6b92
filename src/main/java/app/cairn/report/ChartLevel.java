package app.cairn.report;

/** A level of the course's scale as a chart draws it: a band on the value axis and a colour. */
public record ChartLevel(double points, String label, String colour, boolean mastery) {
}
