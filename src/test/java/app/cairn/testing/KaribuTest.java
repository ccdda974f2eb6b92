package app.cairn.testing;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;

import app.cairn.course.CourseDirectory;
import app.cairn.course.LaunchFacts;
import app.cairn.lti.PlatformRegistration;
import app.cairn.lti.PlatformRegistry;
import app.cairn.shared.Role;
import app.cairn.shared.Viewer;

/**
 * The one base class for browser-free UI tests. {@link #launchAs} signs in the way a verified
 * launch does (same {@link CourseDirectory#recordLaunch} call, same kind of security session),
 * then starts a mocked Vaadin UI for that person.
 */
@CairnSpringTest
public abstract class KaribuTest {

    private static final Routes ROUTES = new Routes().autoDiscoverViews("app.cairn");
    private static final String ISSUER = "https://karibu-lms.example";

    @Autowired
    protected ApplicationContext context;
    @Autowired
    protected CourseDirectory courses;
    @Autowired
    protected PlatformRegistry platforms;

    /** A course of the Karibu test platform, unique to the calling test unless reused. */
    protected static String newCourse() {
        return "course-" + UUID.randomUUID();
    }

    protected Viewer launchAs(Role role, String courseContextId, String subject, String name) {
        return launchAs(role, courseContextId, subject, name, Locale.ENGLISH);
    }

    /** Signs in as a launch in the given language would. */
    protected Viewer launchAs(Role role, String courseContextId, String subject, String name, Locale locale) {
        long platformId = platforms.register(new PlatformRegistration("Karibu LMS", ISSUER, "karibu-client",
                ISSUER + "/auth", ISSUER + "/token", ISSUER + "/jwks", List.of("karibu-deployment")));
        long deploymentRowId = platforms.findDeployment(platformId, "karibu-deployment").orElseThrow();
        Viewer viewer = courses.recordLaunch(new LaunchFacts(platformId, deploymentRowId, subject, name, null,
                locale, courseContextId, "Course " + courseContextId.substring(0, 12), "K-1", role,
                List.of(role == Role.TEACHER ? "Instructor" : "Learner"), null, null, List.of()));
        signIn(viewer);
        return viewer;
    }

    protected Viewer launchAsTeacher(String courseContextId) {
        return launchAs(Role.TEACHER, courseContextId, "teacher-" + UUID.randomUUID(), "Terry Teacher");
    }

    protected Viewer launchAsStudent(String courseContextId) {
        return launchAs(Role.STUDENT, courseContextId, "student-" + UUID.randomUUID(), "Sasha Student");
    }

    /** A visitor with no launch at all. */
    protected void openWithoutLaunch() {
        SecurityContextHolder.clearContext();
        MockVaadin.setMockRequestFactory(FakeRequest::new);
        MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, context, UI::new));
    }

    private void signIn(Viewer viewer) {
        var authentication = UsernamePasswordAuthenticationToken.authenticated(viewer, null,
                List.of(new SimpleGrantedAuthority(viewer.role().authority())));
        SecurityContextHolder.getContext().setAuthentication(authentication);
        MockVaadin.tearDown();
        MockVaadin.setMockRequestFactory(session -> {
            FakeRequest request = new FakeRequest(session);
            request.setUserPrincipalInt(authentication);
            request.setUserInRole((principal, role) -> viewer.role().name().equals(role));
            return request;
        });
        MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, context, UI::new));
    }

    @AfterEach
    void tearDownVaadin() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }
}
