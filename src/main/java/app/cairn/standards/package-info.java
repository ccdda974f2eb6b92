/**
 * The standards library: graduate profile attributes, graduation standards, performance
 * indicators and learning objectives, typed in, imported from CASE or a Canvas outcomes CSV, exported as
 * Canvas outcomes CSV. {@link app.cairn.standards.StandardsLibrary}
 * is the one way in.
 */
@NullMarked
package app.cairn.standards;

import org.jspecify.annotations.NullMarked;
