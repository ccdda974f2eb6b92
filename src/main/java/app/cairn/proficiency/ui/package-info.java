/** The teacher's proficiency settings: the scale editor and how proficiency is calculated. */
@NullMarked
package app.cairn.proficiency.ui;

import org.jspecify.annotations.NullMarked;
