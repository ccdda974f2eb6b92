package app.cairn.lti;

import java.util.List;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

import app.cairn.shared.Viewer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Turns a verified launch into a signed-in session; the only way anyone signs in to Cairn. */
@Component
class LaunchSession {

    private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

    void signIn(Viewer viewer, HttpServletRequest request, HttpServletResponse response) {
        // A new session id at every launch: no session fixation across launches.
        if (request.getSession(false) != null) {
            request.changeSessionId();
        } else {
            request.getSession(true);
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(viewer, null,
                List.of(new SimpleGrantedAuthority(viewer.role().authority()))));
        SecurityContextHolder.setContext(context);
        repository.saveContext(context, request, response);
    }
}
