/**
 * Rubrics: criteria aligned to performance indicators × the levels of the course's scale, with
 * descriptors and exemplars, kept in numbered versions so scores keep the version they were given with.
 */
@NullMarked
package app.cairn.rubric;

import org.jspecify.annotations.NullMarked;
