package app.cairn.shared;

import java.io.Serializable;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The person a launch signed in: "a teacher of course 12 on platform 3". This is all the rest of
 * Cairn ever learns about a launch; ids here were set by the server at launch, never by the browser.
 */
public record Viewer(long personId, long courseId, long platformId, Role role,
                     @Nullable String displayName, Locale locale) implements Serializable {

    public boolean isTeacher() {
        return role == Role.TEACHER;
    }
}
