package app.cairn.shared;

import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Reads the launched {@link Viewer} from the server-side security session. */
@Component
public class CurrentViewer {

    public Optional<Viewer> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Viewer viewer) {
            return Optional.of(viewer);
        }
        return Optional.empty();
    }

    /** The viewer, or an access refusal when nobody launched: services call this before any work. */
    public Viewer require() {
        return find().orElseThrow(() -> new AccessDeniedException("No LTI launch in this session"));
    }

    /** The viewer, who must be a teacher of their course. */
    public Viewer requireTeacher() {
        Viewer viewer = require();
        if (!viewer.isTeacher()) {
            throw new AccessDeniedException("Teachers only");
        }
        return viewer;
    }
}
