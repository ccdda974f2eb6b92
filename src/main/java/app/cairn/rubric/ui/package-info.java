/** The rubric library, the rubric builder and the read-only rubric (RubricView, which other features embed). */
@NullMarked
@NamedInterface("ui")
package app.cairn.rubric.ui;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
