/** The rubric library, the rubric builder and the read-only rubric. */
@NullMarked
package app.cairn.rubric.ui;

import org.jspecify.annotations.NullMarked;
