/** The teacher's proficiency scale editor. */
@NullMarked
package app.cairn.proficiency.ui;

import org.jspecify.annotations.NullMarked;
