/** Messages in every language Cairn speaks, from a shared bundle and one bundle per feature. */
@NullMarked
@NamedInterface("i18n")
package app.cairn.shared.i18n;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
