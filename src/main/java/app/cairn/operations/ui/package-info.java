/** The Vaadin side of {@link app.cairn.operations}: the error view and the session's error handler. */
@NullMarked
package app.cairn.operations.ui;

import org.jspecify.annotations.NullMarked;
