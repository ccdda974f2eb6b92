package app.cairn.testing;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import app.cairn.course.CourseDirectory;
import app.cairn.course.LaunchFacts;
import app.cairn.lti.PlatformRegistration;
import app.cairn.lti.PlatformRegistry;
import app.cairn.shared.Role;
import app.cairn.shared.Viewer;

/**
 * Signs in for service tests the way a verified launch does: the same
 * {@link CourseDirectory#recordLaunch} call, then a security context holding the {@link Viewer}.
 */
public final class TestLaunch {

    private final CourseDirectory courses;
    private final PlatformRegistry platforms;

    public TestLaunch(CourseDirectory courses, PlatformRegistry platforms) {
        this.courses = courses;
        this.platforms = platforms;
    }

    public static String newCourse() {
        return "course-" + UUID.randomUUID();
    }

    /** Launches as a person of the given role in the course of a platform with this issuer. */
    public Viewer as(Role role, String issuer, String courseContextId) {
        return as(role, issuer, courseContextId, role.name().toLowerCase(Locale.ROOT) + "-" + UUID.randomUUID(),
                "Test person", Locale.ENGLISH);
    }

    /**
     * The full form: this person (by LTI subject), name (null when the LMS withholds it) and
     * launch language. The course is titled "Course " + the first 12 characters of its context id.
     */
    public Viewer as(Role role, String issuer, String courseContextId, String subject, String name, Locale locale) {
        long platformId = platforms.register(new PlatformRegistration("Test LMS " + issuer, issuer, "test-client",
                issuer + "/auth", issuer + "/token", issuer + "/jwks", List.of("test-deployment")));
        long deploymentRowId = platforms.findDeployment(platformId, "test-deployment").orElseThrow();
        Viewer viewer = courses.recordLaunch(new LaunchFacts(platformId, deploymentRowId, subject, name, null, locale,
                courseContextId, "Course " + courseContextId.substring(0, Math.min(12, courseContextId.length())), "K-1",
                role, List.of(role == Role.TEACHER ? "Instructor" : "Learner"), null, null, List.of()));
        var authentication = UsernamePasswordAuthenticationToken.authenticated(viewer, null,
                List.of(new SimpleGrantedAuthority(role.authority())));
        SecurityContextHolder.getContext().setAuthentication(authentication);
        return viewer;
    }

    public Viewer teacherOf(String courseContextId) {
        return as(Role.TEACHER, "https://it-lms.example", courseContextId);
    }

    public Viewer studentOf(String courseContextId) {
        return as(Role.STUDENT, "https://it-lms.example", courseContextId);
    }
}
