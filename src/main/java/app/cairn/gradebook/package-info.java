/**
 * The LMS gradebook: gradebook items (one LMS line item each) and a durable outbox of scores that
 * a cluster-safe worker sends through {@link app.cairn.gradebook.GradebookPlatform}, which the LTI
 * feature implements (LTI Assignment and Grade Services), so this feature needs no protocol.
 */
@NullMarked
package app.cairn.gradebook;

import org.jspecify.annotations.NullMarked;
