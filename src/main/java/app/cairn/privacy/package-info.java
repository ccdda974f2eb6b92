/**
 * Privacy and records: per-course retention of student work, a student's data exported or erased on
 * request (each feature contributes its part as a {@link app.cairn.shared.StudentData}), and the
 * audit trail of who changed a score, a proficiency or a gate.
 */
@NullMarked
package app.cairn.privacy;

import org.jspecify.annotations.NullMarked;
