package app.cairn.standards;

/** What an import did to the library. */
public record ImportResult(StandardsFramework framework, int created, int updated, int archived) {
}
