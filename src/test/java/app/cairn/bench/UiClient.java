package app.cairn.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.cairn.testing.FakeLms;
import app.cairn.testing.LtiBrowser;

/**
 * A person in a browser as far as the server can tell, without a browser: the LTI launch, then
 * Vaadin's own requests. {@link #open} is what the browser does for a page load (the bootstrap
 * page, {@code ?v-r=init}, which creates the UI, then the router's first navigation, which makes
 * the view); {@link #navigate}
 * is the UIDL request Flow's client sends when a router link is clicked (Flow.js {@code
 * flowNavigate}: an {@code event} rpc {@code ui-navigate} on the UI's root node 1, checked by the
 * server against the CSRF token from the init answer and the sync/client ids).
 */
final class UiClient {

    private static final Pattern CSRF = Pattern.compile("\"Vaadin-Security-Key\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern UI_ID = Pattern.compile("\"v-uiId\"\\s*:\\s*(\\d+)");
    private static final Pattern SYNC_ID = Pattern.compile("\"syncId\"\\s*:\\s*(-?\\d+)");
    private static final Pattern CLIENT_ID = Pattern.compile("\"clientId\"\\s*:\\s*(-?\\d+)");

    private final String cairn;
    private final LtiBrowser browser;
    private String csrf;
    private int uiId = -1;
    private int syncId;
    private int clientId;
    String lastBody = "";

    UiClient(String cairn) {
        this.cairn = cairn;
        this.browser = new LtiBrowser(cairn);
    }

    LtiBrowser browser() {
        return browser;
    }

    /** The whole launch (login, the LMS's authorization, the form post); the path Cairn redirects to. */
    String launch(FakeLms lms, String subject) {
        LtiBrowser.Response launched = browser.launch(lms, subject);
        if (launched.status() != 303) {
            throw new AssertionError("launch answered " + launched.status());
        }
        return launched.location();
    }

    /**
     * A page load of {@code route} (no leading slash): the bootstrap page, the UI init request and
     * the client router's first navigation, whose answer must hold {@code expectedText}.
     */
    void open(String route, String expectedText) {
        LtiBrowser.Response page = browser.get(cairn + "/" + route);
        if (page.status() != 200) {
            throw new AssertionError("GET /" + route + " answered " + page.status());
        }
        LtiBrowser.Response init = browser.get(cairn + "/?v-r=init&location=" + encode(route) + "&query=");
        lastBody = init.body();
        if (init.status() != 200 || !init.body().contains("appConfig")) {
            throw new AssertionError("init of " + route + " answered " + init.status());
        }
        csrf = group(CSRF, init.body(), "csrf token");
        uiId = Integer.parseInt(group(UI_ID, init.body(), "v-uiId"));
        syncId = Integer.parseInt(group(SYNC_ID, init.body(), "syncId"));
        clientId = 0;
        // The init answer holds the UI, not the view: Flow's client router then asks for the
        // route it is on (Flow.js flowNavigate), and the view is made and sent in that answer.
        navigate(route, expectedText);
    }

    /** A router-link click to {@code route}: one UIDL round trip; the answer must hold {@code expectedText}. */
    void navigate(String route, String expectedText) {
        String json = "{\"csrfToken\":\"" + csrf + "\",\"rpc\":[{\"type\":\"event\",\"node\":1,\"event\":\"ui-navigate\","
                + "\"data\":{\"route\":\"" + route + "\",\"query\":\"\",\"appShellTitle\":\"\","
                + "\"historyState\":{\"idx\":" + clientId + "},\"trigger\":\"link\"}}],"
                + "\"syncId\":" + syncId + ",\"clientId\":" + clientId + "}";
        LtiBrowser.Response response = browser.postJson(cairn + "/?v-r=uidl&v-uiId=" + uiId, json);
        lastBody = response.body();
        if (response.status() != 200) {
            throw new AssertionError("UIDL to " + route + " answered " + response.status());
        }
        Matcher sync = SYNC_ID.matcher(response.body());
        if (sync.find()) {
            syncId = Integer.parseInt(sync.group(1));
        }
        Matcher client = CLIENT_ID.matcher(response.body());
        clientId = client.find() ? Integer.parseInt(client.group(1)) : clientId + 1;
        check(route, expectedText);
    }

    /**
     * Leaving the page (the tab is closed, or the LMS page it sits in moves on): Flow's client sends
     * its unload beacon from {@code pagehide} ({@code MessageSender.sendUnloadBeacon}: an empty rpc
     * list with {@code "UNLOAD":true} to the UI's UIDL address), and the server closes the UI. The
     * HTTP session stays until the next launch replaces it or it times out.
     */
    void leave() {
        if (uiId < 0) {
            return;
        }
        String json = "{\"csrfToken\":\"" + csrf + "\",\"rpc\":[],\"syncId\":" + syncId + ",\"clientId\":" + clientId
                + ",\"UNLOAD\":true}";
        LtiBrowser.Response response = browser.postJson(cairn + "/?v-r=uidl&v-uiId=" + uiId, json);
        uiId = -1;
        if (response.status() != 200) {
            throw new AssertionError("unload beacon answered " + response.status());
        }
    }

    private void check(String route, String expectedText) {
        if (!lastBody.contains(expectedText)) {
            throw new AssertionError(route + ": the answer lacks \"" + expectedText + "\": "
                    + lastBody.substring(0, Math.min(600, lastBody.length())));
        }
    }

    private static String group(Pattern pattern, String body, String what) {
        Matcher matcher = pattern.matcher(body);
        if (!matcher.find()) {
            throw new AssertionError("no " + what + " in " + body.substring(0, Math.min(400, body.length())));
        }
        return matcher.group(1);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
