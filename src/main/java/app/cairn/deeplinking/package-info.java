/**
 * Placing units in LMS courses: LTI Deep Linking (a teacher picks units, the LMS gets links to them),
 * which unit each LMS link opens, links not set up yet, and course copy (a link the LMS copied into
 * a new course brings its unit along once a teacher says so). The protocol itself stays in
 * {@code lti}; this feature decides what links mean.
 */
@NullMarked
package app.cairn.deeplinking;

import org.jspecify.annotations.NullMarked;
