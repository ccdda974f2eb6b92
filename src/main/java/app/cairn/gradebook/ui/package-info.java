/** The teacher's view of what Cairn has sent, or has yet to send, to the LMS gradebook. */
@NullMarked
package app.cairn.gradebook.ui;

import org.jspecify.annotations.NullMarked;
