/** The teacher's standards library views. */
@NullMarked
package app.cairn.standards.ui;

import org.jspecify.annotations.NullMarked;
