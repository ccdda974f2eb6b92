package app.cairn.unit;

/** How many options of a menu a student picks. */
public enum ChoiceRule {
    CHOOSE_ONE,
    CHOOSE_ANY
}
