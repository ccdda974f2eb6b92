/**
 * Running Cairn: what people see when a dependency such as the database is away for a moment (a
 * 503 page with Retry-After for plain HTTP endpoints, a "try again in a moment" view and
 * notification in Vaadin), instead of an error or a stack trace.
 */
@NullMarked
package app.cairn.operations;

import org.jspecify.annotations.NullMarked;
