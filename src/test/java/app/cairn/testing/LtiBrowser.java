package app.cairn.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.web.util.HtmlUtils;

/**
 * A browser as far as LTI needs one: keeps cookies (including Secure ones on loopback http, as
 * browsers do), follows nothing by itself, and submits the LMS's auto-posting form.
 */
public final class LtiBrowser {

    private static final Pattern HIDDEN_FIELD = Pattern.compile("name=\"([^\"]+)\" value=\"([^\"]*)\"");
    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"");

    /** Shared: each browser keeps its own cookies, so connections can be pooled between them. */
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String cairn;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final Map<String, String> extraHeaders = new LinkedHashMap<>();

    public LtiBrowser(String cairnBaseUrl) {
        this.cairn = cairnBaseUrl;
    }

    public record Response(int status, Map<String, List<String>> headers, String body) {
        public String location() {
            return headers.getOrDefault("location", List.of("")).getFirst();
        }

        public List<String> setCookies() {
            return headers.getOrDefault("set-cookie", List.of());
        }

        public boolean startsSession() {
            return setCookies().stream().anyMatch(c -> c.startsWith("JSESSIONID="));
        }
    }

    /** Cairn's answer to a login, and the OIDC parameters it redirected the browser with. */
    public record LoginRedirect(Response response, Map<String, String> params) {
        public String state() {
            return params.get("state");
        }

        public String nonce() {
            return params.get("nonce");
        }
    }

    /** Starts a launch as the LMS would, with a third-party-initiated login. */
    public LoginRedirect login(FakeLms lms, String loginHint) {
        return login(lms, loginHint, null);
    }

    /** As {@link #login(FakeLms, String)}, with the LMS's message hint (which link, or a deep linking request). */
    public LoginRedirect login(FakeLms lms, String loginHint, String messageHint) {
        Response response = get(cairn + "/lti/login?iss=" + encode(lms.issuer()) + "&login_hint=" + encode(loginHint)
                + "&target_link_uri=" + encode(lms.launchUrl()) + "&client_id=" + encode(FakeLms.CLIENT_ID)
                + "&lti_deployment_id=" + encode(FakeLms.DEPLOYMENT_ID)
                + (messageHint == null ? "" : "&lti_message_hint=" + encode(messageHint)));
        String location = response.location();
        int q = location.indexOf('?');
        return new LoginRedirect(response, q < 0 ? Map.of() : FakeLms.query(location.substring(q + 1)));
    }

    /** The whole launch: login at Cairn, authorization at the LMS, the form post back to Cairn. */
    public Response launch(FakeLms lms, String loginHint) {
        return submit(authorizeAtPlatform(login(lms, loginHint)));
    }

    /** The whole launch through the link or request the message hint names (see {@link FakeLms#linkHint}). */
    public Response launch(FakeLms lms, String loginHint, String messageHint) {
        return submit(authorizeAtPlatform(login(lms, loginHint, messageHint)));
    }

    /** The LMS's auto-posting form: where it posts and what. */
    public record PlatformForm(String action, Map<String, String> fields) {
    }

    /** Follows Cairn's redirect to the LMS's authorization endpoint and reads the form it answers. */
    public PlatformForm authorizeAtPlatform(LoginRedirect login) {
        if (login.response().status() != 302) {
            throw new AssertionError("login answered " + login.response().status() + ": " + login.response().body());
        }
        Response atPlatform = get(login.response().location());
        if (atPlatform.status() != 200) {
            throw new AssertionError("LMS refused the authentication request: " + atPlatform.body());
        }
        return form(atPlatform);
    }

    /** The auto-posting form of a page (the LMS's launch form, Cairn's deep linking answer): where it posts and what. */
    public static PlatformForm form(Response page) {
        Matcher action = FORM_ACTION.matcher(page.body());
        if (!action.find()) {
            throw new AssertionError("The page has no form: " + page.body());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher field = HIDDEN_FIELD.matcher(page.body());
        while (field.find()) {
            fields.put(HtmlUtils.htmlUnescape(field.group(1)), HtmlUtils.htmlUnescape(field.group(2)));
        }
        return new PlatformForm(HtmlUtils.htmlUnescape(action.group(1)), fields);
    }

    /** Posts the LMS's form, as the browser's script would. */
    public Response submit(PlatformForm form) {
        return post(form.action(), form.fields());
    }

    public Response postLaunch(String idToken, String state) {
        Map<String, String> form = new LinkedHashMap<>();
        if (idToken != null) {
            form.put("id_token", idToken);
        }
        if (state != null) {
            form.put("state", state);
        }
        return post(cairn + "/lti/launch", form);
    }

    public Response get(String url) {
        return send(HttpRequest.newBuilder(URI.create(absolute(url))).GET());
    }

    public Response post(String url, Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(absolute(url)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Posts JSON (Vaadin's UIDL requests). */
    public Response postJson(String url, String json) {
        return send(HttpRequest.newBuilder(URI.create(absolute(url)))
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public void setCookie(String name, String value) {
        cookies.put(name, value);
    }

    /** A header sent with every request from now on (benchmarks tag their requests). */
    public void setHeader(String name, String value) {
        extraHeaders.put(name, value);
    }

    public void clearCookies() {
        cookies.clear();
    }

    public Map<String, String> cookies() {
        return cookies;
    }

    private String absolute(String url) {
        return url.startsWith("/") ? cairn + url : url;
    }

    private Response send(HttpRequest.Builder request) {
        request.header("Accept-Language", "en");
        extraHeaders.forEach(request::header);
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String setCookie : response.headers().allValues("set-cookie")) {
                String pair = setCookie.split(";", 2)[0];
                int eq = pair.indexOf('=');
                String name = pair.substring(0, eq);
                String value = pair.substring(eq + 1);
                if (value.isEmpty() || setCookie.contains("Max-Age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            Map<String, List<String>> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.putAll(response.headers().map());
            return new Response(response.statusCode(), headers, response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
