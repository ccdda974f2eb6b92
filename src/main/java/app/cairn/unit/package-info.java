/**
 * Flexible-pace units: ordered learning targets (performance indicators), assessments with menus of
 * learning options, students' choices and proposals along the learner-centered continuum, goals and
 * reflections, and the mastery gate.
 */
@NullMarked
package app.cairn.unit;

import org.jspecify.annotations.NullMarked;
