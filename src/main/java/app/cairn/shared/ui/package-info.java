/** The in-course frame shared by every view. */
@NullMarked
package app.cairn.shared.ui;

import org.jspecify.annotations.NullMarked;
