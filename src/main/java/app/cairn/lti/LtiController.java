package app.cairn.lti;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

import app.cairn.course.CourseDirectory;
import app.cairn.course.CourseRoster;
import app.cairn.course.LaunchFacts;
import app.cairn.shared.DatabaseUnavailable;
import app.cairn.shared.Role;
import app.cairn.shared.Viewer;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The LTI 1.3 endpoints an LMS calls: third-party-initiated login, the launch, and Cairn's JWKS.
 * A refused request gets a plain page saying what was wrong, a security log line, and no session.
 * Where an accepted launch goes is up to {@link LaunchDestinations}: a resource link opens what it
 * was placed for, a teacher's deep linking request opens the picker.
 */
@RestController
@RequestMapping("/lti")
class LtiController {

    private static final Logger securityLog = LoggerFactory.getLogger("app.cairn.security.lti");
    static final String LOGIN_COOKIE_PREFIX = "cairn_lti_";
    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8);
    /** What a 503 asks for: a moment, about what Cairn's connection pool waits before giving up, and some. */
    static final int RETRY_AFTER_SECONDS = 10;

    private final PlatformRegistry platforms;
    private final LoginStore logins;
    private final LaunchVerifier verifier;
    private final CourseDirectory courses;
    private final LaunchSession session;
    private final ToolKeys toolKeys;
    private final HtmlPages pages;
    private final CourseRoster roster;
    private final LaunchMetrics metrics;
    private final DeepLinking deepLinking;
    private final LaunchDestinations destinations;

    LtiController(PlatformRegistry platforms, LoginStore logins, LaunchVerifier verifier, CourseDirectory courses,
                  LaunchSession session, ToolKeys toolKeys, HtmlPages pages, CourseRoster roster,
                  LaunchMetrics metrics, DeepLinking deepLinking, LaunchDestinations destinations) {
        this.deepLinking = deepLinking;
        this.destinations = destinations;
        this.roster = roster;
        this.metrics = metrics;
        this.platforms = platforms;
        this.logins = logins;
        this.verifier = verifier;
        this.courses = courses;
        this.session = session;
        this.toolKeys = toolKeys;
        this.pages = pages;
    }

    @GetMapping(value = "/jwks", produces = "application/json")
    ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "max-age=300")
                .body(toolKeys.publicKeys().toJSONObject(true));
    }

    @RequestMapping(value = "/login", method = {RequestMethod.GET, RequestMethod.POST})
    ResponseEntity<String> login(@RequestParam(name = "iss", required = false) @Nullable String issuer,
                                 @RequestParam(name = "login_hint", required = false) @Nullable String loginHint,
                                 @RequestParam(name = "target_link_uri", required = false) @Nullable String targetLinkUri,
                                 @RequestParam(name = "client_id", required = false) @Nullable String clientId,
                                 @RequestParam(name = "lti_message_hint", required = false) @Nullable String messageHint,
                                 @RequestParam(name = "lti_storage_target", required = false) @Nullable String storageTarget,
                                 HttpServletRequest request, HttpServletResponse response) {
        Locale locale = request.getLocale();
        try {
            if (isBlank(issuer) || isBlank(loginHint) || isBlank(targetLinkUri)) {
                throw new LaunchRefusedException(Refusal.LOGIN_MISSING_PARAMETER,
                        "iss, login_hint and target_link_uri are required");
            }
            Platform platform = loginPlatform(issuer, clientId);
            checkTargetIsCairn(targetLinkUri, request);
            LoginStore.Login login = logins.begin(platform.id(), targetLinkUri, loginHint, messageHint,
                    isBlank(storageTarget) ? null : storageTarget);
            response.addHeader(HttpHeaders.SET_COOKIE, loginCookie(login.state(), login.browserSecret(),
                    (int) logins.ttl().toSeconds()));
            String authUrl = UriComponentsBuilder.fromUriString(platform.authLoginUrl())
                    .queryParam("scope", "openid")
                    .queryParam("response_type", "id_token")
                    .queryParam("response_mode", "form_post")
                    .queryParam("prompt", "none")
                    .queryParam("client_id", platform.clientId())
                    .queryParam("redirect_uri", baseUrl(request) + "/lti/launch")
                    .queryParam("login_hint", loginHint)
                    .queryParamIfPresent("lti_message_hint", java.util.Optional.ofNullable(messageHint))
                    .queryParam("state", login.state())
                    .queryParam("nonce", login.nonce())
                    .encode().build().toUriString();
            if (login.storageTarget() != null) {
                // Cookies may be blocked in the LMS frame: also keep the browser secret in the
                // platform's storage (LTI Client Side postMessages), then continue to the LMS.
                return html(200, pages.scripted(locale, PlatformStorageScripts.putThenGo(login.storageTarget(),
                        LaunchVerifier.origin(platform.authLoginUrl()), login.state(), login.browserSecret(), authUrl)));
            }
            return ResponseEntity.status(302).header(HttpHeaders.LOCATION, authUrl)
                    .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
        } catch (LaunchRefusedException e) {
            return refuse(e, request, issuer);
        } catch (RuntimeException e) {
            return refuseIfDatabaseUnavailable(e, request, issuer);
        }
    }

    @RequestMapping(value = "/launch", method = RequestMethod.POST)
    ResponseEntity<String> launch(@RequestParam(name = "id_token", required = false) @Nullable String idToken,
                                  @RequestParam(name = "state", required = false) @Nullable String state,
                                  @RequestParam(name = "lti_storage_secret", required = false) @Nullable String storedSecret,
                                  HttpServletRequest request, HttpServletResponse response) {
        Locale locale = request.getLocale();
        try {
            LaunchVerifier.Outcome outcome = verifier.verify(
                    new LaunchVerifier.LaunchRequest(idToken, state, loginCookies(request), storedSecret));
            if (outcome instanceof LaunchVerifier.CheckPlatformStorage check) {
                return html(200, pages.scripted(locale, PlatformStorageScripts.getThenPost(check.storageTarget(),
                        check.platformOrigin(), check.state(), idToken)));
            }
            VerifiedLaunch launch = ((LaunchVerifier.Verified) outcome).launch();
            Role role = RoleMapping.map(launch.roles()).orElseThrow(() -> new LaunchRefusedException(
                    Refusal.NO_SUPPORTED_ROLE, "roles " + launch.roles()));
            // Placing content in a course is a teacher's act: refused before anything is written.
            if (launch.isDeepLinking() && role != Role.TEACHER) {
                throw new LaunchRefusedException(Refusal.DEEP_LINKING_NOT_TEACHER,
                        "deep linking request with roles " + launch.roles());
            }
            Viewer viewer = courses.recordLaunch(new LaunchFacts(launch.platformId(), launch.deploymentRowId(),
                    launch.subject(), launch.name(), launch.email(), parseLocale(launch.locale(), locale),
                    launch.contextId(), launch.contextTitle(), launch.contextLabel(), role, launch.roles(),
                    launch.rosterUrl(), launch.lineItemsUrl(), launch.agsScopes()));
            session.signIn(viewer, request, response);
            if (role == Role.TEACHER) {
                // Teachers see students who never launched; fetching the roster must not slow the launch.
                roster.syncMyCourseRosterInBackground();
            }
            response.addHeader(HttpHeaders.SET_COOKIE, loginCookie(state, "", 0));
            metrics.accepted(role);
            securityLog.info("LTI launch accepted: platform={} course={} person={} role={} message={}",
                    viewer.platformId(), viewer.courseId(), viewer.personId(), role, launch.messageType());
            String destination = launch.isDeepLinking()
                    ? destinations.deepLinkingPicker(deepLinking.open(viewer, launch, baseUrl(request) + "/lti/launch"))
                    : destinations.afterResourceLinkLaunch(new ResourceLinkLaunch(
                            java.util.Objects.requireNonNull(launch.resourceLinkId()), launch.resourceLinkTitle(),
                            launch.custom()));
            return ResponseEntity.status(303).header(HttpHeaders.LOCATION, destination).build();
        } catch (LaunchRefusedException e) {
            return refuse(e, request, null);
        } catch (RuntimeException e) {
            return refuseIfDatabaseUnavailable(e, request, null);
        }
    }

    /** Starts the login again from a window of its own, where the browser keeps cookies. */
    @GetMapping("/reopen")
    ResponseEntity<String> reopen(@RequestParam(name = "state", required = false) @Nullable String state,
                                  HttpServletRequest request) {
        try {
            return reopenLogin(state, request);
        } catch (RuntimeException e) {
            return refuseIfDatabaseUnavailable(e, request, null);
        }
    }

    private ResponseEntity<String> reopenLogin(@Nullable String state, HttpServletRequest request) {
        var login = state == null ? java.util.Optional.<LoginStore.Login>empty() : logins.find(state);
        var platform = login.flatMap(l -> platforms.findById(l.platformId()));
        if (login.isEmpty() || platform.isEmpty()) {
            return refuse(new LaunchRefusedException(Refusal.STATE_MISMATCH, "reopen with unknown state"), request, null);
        }
        String url = UriComponentsBuilder.fromPath("/lti/login")
                .queryParam("iss", platform.get().issuer())
                .queryParam("client_id", platform.get().clientId())
                .queryParam("login_hint", login.get().loginHint())
                .queryParam("target_link_uri", login.get().targetLinkUri())
                .queryParamIfPresent("lti_message_hint", java.util.Optional.ofNullable(login.get().messageHint()))
                .encode().build().toUriString();
        return ResponseEntity.status(302).header(HttpHeaders.LOCATION, url).build();
    }

    private Platform loginPlatform(String issuer, @Nullable String clientId) throws LaunchRefusedException {
        List<Platform> candidates = platforms.findByIssuer(issuer).stream()
                .filter(p -> isBlank(clientId) || p.clientId().equals(clientId)).toList();
        if (candidates.isEmpty()) {
            throw new LaunchRefusedException(Refusal.LOGIN_UNKNOWN_PLATFORM, "iss " + issuer + " client_id " + clientId);
        }
        if (candidates.size() > 1) {
            throw new LaunchRefusedException(Refusal.LOGIN_AMBIGUOUS_PLATFORM, "iss " + issuer + " without client_id");
        }
        return candidates.getFirst();
    }

    private static void checkTargetIsCairn(String targetLinkUri, HttpServletRequest request) throws LaunchRefusedException {
        try {
            URI target = URI.create(targetLinkUri);
            URI base = URI.create(baseUrl(request));
            if (target.getHost() == null || !target.getHost().equalsIgnoreCase(base.getHost())
                    || !java.util.Objects.equals(target.getScheme(), base.getScheme())) {
                throw new LaunchRefusedException(Refusal.LOGIN_BAD_TARGET, "target_link_uri " + targetLinkUri
                        + " is not on " + base);
            }
        } catch (IllegalArgumentException e) {
            throw new LaunchRefusedException(Refusal.LOGIN_BAD_TARGET, "target_link_uri unparseable");
        }
    }

    private ResponseEntity<String> refuse(LaunchRefusedException e, HttpServletRequest request, @Nullable String issuer) {
        metrics.refused(e.refusal());
        String reference = UUID.randomUUID().toString().substring(0, 8);
        securityLog.warn("LTI request refused: reason={} ref={} path={} remote={} iss={} detail={}",
                e.refusal(), reference, request.getRequestURI(), request.getRemoteAddr(), issuer, e.getMessage());
        String page = pages.refusal(e.refusal(), request.getLocale(), reference, e.reopenUrl());
        if (e.refusal().status() == 503) {
            return ResponseEntity.status(503).contentType(HTML).header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS)).body(page);
        }
        return html(e.refusal().status(), page);
    }

    /**
     * A database outage is nobody's fault and passes: the person gets a 503 page saying to try again
     * in a moment. Transactions make sure nothing was half written. Anything else goes on up.
     */
    private ResponseEntity<String> refuseIfDatabaseUnavailable(RuntimeException e, HttpServletRequest request,
                                                               @Nullable String issuer) {
        if (!DatabaseUnavailable.causedBy(e)) {
            throw e;
        }
        return refuse(new LaunchRefusedException(Refusal.DATABASE_UNAVAILABLE, e.toString()), request, issuer);
    }

    private static ResponseEntity<String> html(int status, String body) {
        return ResponseEntity.status(status).contentType(HTML).header(HttpHeaders.CACHE_CONTROL, "no-store").body(body);
    }

    private static Map<String, String> loginCookies(HttpServletRequest request) {
        Map<String, String> cookies = new LinkedHashMap<>();
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (cookie.getName().startsWith(LOGIN_COOKIE_PREFIX) && !cookie.getValue().isEmpty()) {
                    cookies.put(cookie.getName().substring(LOGIN_COOKIE_PREFIX.length()), cookie.getValue());
                }
            }
        }
        return cookies;
    }

    /** One cookie per login, so two launches in two tabs do not overwrite each other. */
    private static String loginCookie(@Nullable String state, String value, int maxAgeSeconds) {
        // The LMS posts the launch cross-site: only SameSite=None cookies come back with it.
        return LOGIN_COOKIE_PREFIX + (state == null ? "" : state) + "=" + value + "; Path=/lti; Max-Age=" + maxAgeSeconds
                + "; Secure; HttpOnly; SameSite=None; Partitioned";
    }

    static String baseUrl(HttpServletRequest request) {
        return ServletUriComponentsBuilder.fromContextPath(request).replaceQuery(null).build().toUriString();
    }

    private static Locale parseLocale(@Nullable String tag, Locale fallback) {
        if (tag == null || tag.isBlank()) {
            return fallback;
        }
        Locale locale = Locale.forLanguageTag(tag.replace('_', '-'));
        return locale.getLanguage().isEmpty() ? fallback : locale;
    }

    private static boolean isBlank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
