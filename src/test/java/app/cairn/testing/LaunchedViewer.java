package app.cairn.testing;

import static cairn.schema.Tables.COURSE;
import static cairn.schema.Tables.ENROLLMENT;
import static cairn.schema.Tables.PERSON;
import static cairn.schema.Tables.PLATFORM;

import java.util.List;
import java.util.Locale;

import org.jooq.DSLContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import app.cairn.shared.Role;
import app.cairn.shared.Viewer;

/**
 * For protocol tests that launch over HTTP and then act as the launched person through a service,
 * as their view would: the same {@link Viewer} the launch put into the session, read back from the
 * rows the launch wrote, and put into this thread's security context.
 */
public final class LaunchedViewer {

    private LaunchedViewer() {
    }

    /** Signs this thread in as the person {@code subject} of the fake LMS, in the course it launches into now. */
    public static Viewer signIn(DSLContext db, FakeLms lms, String subject) {
        long platformId = db.select(PLATFORM.ID).from(PLATFORM)
                .where(PLATFORM.ISSUER.eq(lms.issuer()), PLATFORM.CLIENT_ID.eq(FakeLms.CLIENT_ID)).fetchSingle(PLATFORM.ID);
        var person = db.selectFrom(PERSON).where(PERSON.PLATFORM_ID.eq(platformId), PERSON.SUBJECT.eq(subject)).fetchSingle();
        long courseId = db.select(COURSE.ID).from(COURSE)
                .where(COURSE.PLATFORM_ID.eq(platformId), COURSE.CONTEXT_ID.eq(lms.courseContextId())).fetchSingle(COURSE.ID);
        Role role = Role.valueOf(db.select(ENROLLMENT.ROLE).from(ENROLLMENT)
                .where(ENROLLMENT.COURSE_ID.eq(courseId), ENROLLMENT.PERSON_ID.eq(person.getId())).fetchSingle(ENROLLMENT.ROLE));
        Viewer viewer = new Viewer(person.getId(), courseId, platformId, role, person.getDisplayName(), Locale.ENGLISH);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(viewer,
                null, List.of(new SimpleGrantedAuthority(role.authority()))));
        return viewer;
    }
}
