/** What every feature may know about the person using Cairn: who they are, in which course, in which role. */
@NullMarked
package app.cairn.shared;

import org.jspecify.annotations.NullMarked;
