package app.cairn.lti;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import app.cairn.shared.Role;

/**
 * Maps LIS roles, full URIs or the short names some platforms send, onto Cairn's roles. Only roles
 * in this course count (membership roles and short names): a student who teaches elsewhere in the
 * school is sent as institution#Instructor and stays a student here. The one exception is an
 * institution or system Administrator, who may open any course to help. A teaching role wins over
 * a learning one (a TA who is also enrolled as a learner teaches here).
 */
final class RoleMapping {

    private static final Set<String> TEACHING = Set.of("Instructor", "TeachingAssistant", "ContentDeveloper",
            "Administrator");
    private static final String LIS = "http://purl.imsglobal.org/vocab/lis/v2/";
    private static final String MEMBERSHIP = LIS + "membership";

    private RoleMapping() {
    }

    static Optional<Role> map(List<String> lmsRoles) {
        boolean learner = false;
        for (String raw : lmsRoles) {
            String role = raw.trim();
            String name = simpleName(role);
            boolean administrator = "Administrator".equals(name)
                    && (role.startsWith(LIS + "institution/") || role.startsWith(LIS + "system/"));
            if (administrator) {
                return Optional.of(Role.TEACHER);
            }
            if (!isCourseRole(role)) {
                continue;
            }
            if (TEACHING.contains(name) || role.startsWith(MEMBERSHIP + "/Instructor#")) {
                return Optional.of(Role.TEACHER);
            }
            // Sub-roles of Learner (e.g. membership/Learner#Learner) are learners too.
            learner |= "Learner".equals(name) || role.startsWith(MEMBERSHIP + "/Learner#");
        }
        return learner ? Optional.of(Role.STUDENT) : Optional.empty();
    }

    /** A role in the course (context): a membership URI, or a short name with no URI at all. */
    private static boolean isCourseRole(String role) {
        return role.startsWith(MEMBERSHIP) || !role.contains("/");
    }

    /** "http://…/membership#Instructor" → "Instructor"; "Instructor" stays. */
    private static String simpleName(String role) {
        String trimmed = role.trim();
        int hash = trimmed.lastIndexOf('#');
        if (hash >= 0) {
            return trimmed.substring(hash + 1);
        }
        int slash = trimmed.lastIndexOf('/');
        return slash >= 0 ? trimmed.substring(slash + 1) : trimmed;
    }
}
