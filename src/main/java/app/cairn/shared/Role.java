package app.cairn.shared;

/** The two ways anyone uses Cairn inside a course. LMS roles are mapped onto these at launch. */
public enum Role {
    TEACHER,
    STUDENT;

    /** The Spring Security authority name, as used in {@code @RolesAllowed}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
