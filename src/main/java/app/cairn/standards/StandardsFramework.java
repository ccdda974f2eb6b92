package app.cairn.standards;

import org.jspecify.annotations.Nullable;

/**
 * A framework in the library.
 *
 * @param shared         shared with every course of the platform; read-only from a course
 * @param caseIdentifier the CFDocument identifier when imported from CASE
 */
public record StandardsFramework(long id, String title, FrameworkSource source, boolean shared,
                                 @Nullable String caseIdentifier) {
}
