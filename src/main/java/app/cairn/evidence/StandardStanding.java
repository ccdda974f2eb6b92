package app.cairn.evidence;

import org.jspecify.annotations.Nullable;

/**
 * A student's stored proficiency on one standard in the viewer's course.
 *
 * @param cell its value and level; {@code count} is the indicators assessed
 */
public record StandardStanding(long standardId, @Nullable String code, String statement, ProficiencyCell cell) {

    /** "SCI.1 Investigates", as teachers name a standard. */
    public String label() {
        return code == null ? statement : code + " " + statement;
    }
}
