/**
 * The standards library: graduate profile attributes, graduation standards, performance
 * indicators and learning objectives, typed in or imported from CASE. {@link app.cairn.standards.StandardsLibrary}
 * is the one way in.
 */
@NullMarked
package app.cairn.standards;

import org.jspecify.annotations.NullMarked;
