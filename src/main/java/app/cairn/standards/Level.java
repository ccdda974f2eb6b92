package app.cairn.standards;

/** Where an item sits in the Great Schools Partnership structure, from the top down. */
public enum Level {
    GRADUATE_ATTRIBUTE,
    STANDARD,
    INDICATOR,
    OBJECTIVE
}
