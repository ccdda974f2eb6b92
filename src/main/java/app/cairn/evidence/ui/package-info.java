/**
 * Evidence views: a student's evidence for a unit ({@code my-evidence/:unitId}), the teacher's
 * scoring queue ({@code scoring}) and answer page ({@code scoring/:evidenceId}), and the mastery grid
 * with "why this score" ({@code mastery}).
 */
@NullMarked
package app.cairn.evidence.ui;

import org.jspecify.annotations.NullMarked;
