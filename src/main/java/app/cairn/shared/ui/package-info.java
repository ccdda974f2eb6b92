/** The in-course frame shared by every feature's views. */
@NullMarked
@NamedInterface("ui")
package app.cairn.shared.ui;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
