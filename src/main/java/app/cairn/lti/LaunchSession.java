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
import jakarta.servlet.http.HttpSession;

/** Turns a verified launch into a signed-in session; the only way anyone signs in to Cairn. */
@Component
class LaunchSession {

    private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

    void signIn(Viewer viewer, HttpServletRequest request, HttpServletResponse response) {
        // A fresh session at every launch: no session fixation, and a tab still open on another
        // course cannot go on acting in the course this launch is for (it is told to relaunch).
        HttpSession previous = request.getSession(false);
        if (previous != null) {
            previous.invalidate();
        }
        request.getSession(true);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(viewer, null,
                List.of(new SimpleGrantedAuthority(viewer.role().authority()))));
        SecurityContextHolder.setContext(context);
        repository.saveContext(context, request, response);
    }
}
