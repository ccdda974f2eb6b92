package app.cairn.lti;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;

import app.cairn.gradebook.GradebookPlatform;

/**
 * LTI Assignment and Grade Services 2.0: finds or creates line items and posts scores. Answers are
 * sorted into the gradebook's {@link GradebookPlatform.Problem}s; a 401 gets a new token, once.
 */
@Component
class AssignmentGradeService implements GradebookPlatform {

    static final String LINEITEM_TYPE = "application/vnd.ims.lis.v2.lineitem+json";
    static final String CONTAINER_TYPE = "application/vnd.ims.lis.v2.lineitemcontainer+json";
    static final String SCORE_TYPE = "application/vnd.ims.lis.v1.score+json";
    /** ISO 8601 in UTC with milliseconds, always three digits. */
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX", Locale.ROOT);
    private static final int MAX_BODY_BYTES = 2 * 1024 * 1024;
    private static final int MAX_PAGES = 50;
    private static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(10);
    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>\\s*;[^,]*rel=\"?next\"?");
    private static final Set<String> LINEITEM_SCOPES = Set.of(LtiClaims.AGS_LINEITEM_SCOPE);
    private static final Set<String> SCORE_SCOPES = Set.of(LtiClaims.AGS_SCORE_SCOPE);

    private final PlatformRegistry platforms;
    private final PlatformAccessTokens tokens;
    private final Duration timeout;
    private final HttpClient http;

    AssignmentGradeService(PlatformRegistry platforms, PlatformAccessTokens tokens,
                           @Value("${cairn.lti.ags-timeout}") Duration timeout) {
        this.platforms = platforms;
        this.tokens = tokens;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public String findOrCreateLineItem(long platformId, String lineItemsUrl, Set<String> grantedScopes, LineItemSpec item)
            throws SendException {
        Platform platform = platform(platformId);
        String query = "resource_id=" + encode(item.resourceId()) + (item.tag() == null ? "" : "&tag=" + encode(item.tag()));
        Set<String> seen = new HashSet<>();
        String next = withQuery(lineItemsUrl, query);
        while (next != null) {
            if (!seen.add(next) || seen.size() > MAX_PAGES) {
                throw new SendException(Problem.REJECTED, "the LMS's line item pages do not end");
            }
            HttpResponse<byte[]> page = call(platform, LINEITEM_SCOPES, HttpRequest.newBuilder(uri(next))
                    .header("Accept", CONTAINER_TYPE).GET(), "line items");
            List<Object> items;
            try {
                items = JSONArrayUtils.parse(body(page));
            } catch (ParseException e) {
                throw new SendException(Problem.REJECTED, "the LMS's line items are not a JSON array: " + e.getMessage());
            }
            for (Object raw : items) {
                // Platforms may ignore the filter: match resource id and tag here as well.
                if (raw instanceof Map<?, ?> found && item.resourceId().equals(found.get("resourceId"))
                        && (item.tag() == null || item.tag().equals(found.get("tag")))
                        && found.get("id") instanceof String id && !id.isBlank()) {
                    return id;
                }
            }
            next = page.headers().allValues("Link").stream().map(NEXT_LINK::matcher).filter(Matcher::find)
                    .map(m -> m.group(1)).findFirst().map(link -> URI.create(lineItemsUrl).resolve(link).toString())
                    .orElse(null);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("scoreMaximum", item.scoreMaximum());
        json.put("label", item.label());
        json.put("resourceId", item.resourceId());
        if (item.tag() != null) {
            json.put("tag", item.tag());
        }
        HttpResponse<byte[]> created = call(platform, LINEITEM_SCOPES, HttpRequest.newBuilder(uri(lineItemsUrl))
                .header("Content-Type", LINEITEM_TYPE).header("Accept", LINEITEM_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(JSONObjectUtils.toJSONString(json))), "a new line item");
        try {
            if (JSONObjectUtils.parse(body(created)).get("id") instanceof String id && !id.isBlank()) {
                return id;
            }
        } catch (ParseException e) {
            throw new SendException(Problem.REJECTED, "the LMS answered a new line item with invalid JSON: " + e.getMessage());
        }
        throw new SendException(Problem.REJECTED, "the LMS answered a new line item without its id");
    }

    @Override
    public void postScore(long platformId, String lineItemUrl, Set<String> grantedScopes, Score score) throws SendException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("userId", score.userId());
        json.put("scoreGiven", score.scoreGiven());
        json.put("scoreMaximum", score.scoreMaximum());
        if (score.comment() != null) {
            json.put("comment", score.comment());
        }
        json.put("timestamp", TIMESTAMP.format(ZonedDateTime.ofInstant(score.timestamp(), ZoneOffset.UTC)));
        // Canvas ignores scoreGiven unless grading is FullyGraded.
        json.put("activityProgress", "Completed");
        json.put("gradingProgress", "FullyGraded");
        call(platform(platformId), SCORE_SCOPES, HttpRequest.newBuilder(uri(scoresUrl(lineItemUrl)))
                .header("Content-Type", SCORE_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(JSONObjectUtils.toJSONString(json))), "the score");
    }

    /** {@code …/lineitem?type_id=7} (Moodle) becomes {@code …/lineitem/scores?type_id=7}. */
    static String scoresUrl(String lineItemUrl) {
        int end = lineItemUrl.length();
        int hash = lineItemUrl.indexOf('#');
        if (hash >= 0) {
            end = hash;
        }
        int question = lineItemUrl.indexOf('?');
        int pathEnd = question >= 0 && question < end ? question : end;
        String path = lineItemUrl.substring(0, pathEnd);
        String query = lineItemUrl.substring(pathEnd, end);
        return (path.endsWith("/") ? path + "scores" : path + "/scores") + query;
    }

    static String withQuery(String url, String query) {
        int hash = url.indexOf('#');
        String base = hash >= 0 ? url.substring(0, hash) : url;
        return base + (base.contains("?") ? "&" : "?") + query;
    }

    private HttpResponse<byte[]> call(Platform platform, Set<String> scopes, HttpRequest.Builder request, String what)
            throws SendException {
        try {
            HttpResponse<byte[]> response = send(platform, scopes, request);
            if (response.statusCode() == 401) {
                // The platform may have revoked the cached token early: ask for a new one, once.
                tokens.invalidate(platform, scopes);
                response = send(platform, scopes, request);
            }
            if (response.body().length > MAX_BODY_BYTES) {
                throw new SendException(Problem.REJECTED, "the LMS answered " + what + " with more than "
                        + MAX_BODY_BYTES + " bytes");
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return response;
            }
            throw problem(response, what);
        } catch (PlatformAccessTokens.TokenException e) {
            throw new SendException(Problem.TRANSIENT, "Cairn could not get access to the gradebook: " + e.getMessage());
        } catch (HttpTimeoutException e) {
            throw new SendException(Problem.TRANSIENT, "the LMS did not answer " + what + " within " + timeout.toMillis()
                    + " ms", null, true);
        } catch (IOException e) {
            throw new SendException(Problem.TRANSIENT, "the LMS could not be reached for " + what + ": " + e, null, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SendException(Problem.TRANSIENT, "interrupted while sending " + what, null, true);
        }
    }

    private HttpResponse<byte[]> send(Platform platform, Set<String> scopes, HttpRequest.Builder request)
            throws PlatformAccessTokens.TokenException, IOException, InterruptedException {
        return http.send(request.copy().timeout(timeout)
                .setHeader("Authorization", "Bearer " + tokens.token(platform, scopes)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    static SendException problem(HttpResponse<byte[]> response, String what) {
        int status = response.statusCode();
        String body = abbreviate(body(response));
        String said = "the LMS answered " + what + " with HTTP " + status + (body.isBlank() ? "" : ": " + body);
        String lower = body.toLowerCase(Locale.ROOT);
        if (status == 429 || (status == 403 && lower.contains("rate limit"))) {
            return new SendException(Problem.THROTTLED, said, retryAfter(response), false);
        }
        if (status >= 500 || status == 408) {
            return new SendException(Problem.TRANSIENT, said);
        }
        if (status == 409 || (status == 400 && lower.contains("timestamp"))) {
            return new SendException(Problem.STALE, said);
        }
        if (status == 404) {
            return new SendException(Problem.NOT_FOUND, said);
        }
        return new SendException(Problem.REJECTED, said);
    }

    /** Retry-After in seconds or as an HTTP date; absent or unreadable means "a moment". */
    static @Nullable Duration retryAfter(HttpResponse<?> response) {
        String value = response.headers().firstValue("Retry-After").orElse(null);
        if (value == null) {
            return null;
        }
        Duration wait;
        try {
            wait = Duration.ofSeconds(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            try {
                wait = Duration.between(java.time.Instant.now(),
                        ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } catch (RuntimeException unreadable) {
                return null;
            }
        }
        if (wait.isNegative()) {
            return Duration.ZERO;
        }
        return wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait;
    }

    private Platform platform(long platformId) throws SendException {
        return platforms.findById(platformId)
                .orElseThrow(() -> new SendException(Problem.REJECTED, "the course's LMS is no longer registered"));
    }

    private static URI uri(String url) throws SendException {
        try {
            URI uri = URI.create(url);
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
                throw new IllegalArgumentException("not http(s)");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new SendException(Problem.REJECTED, "the LMS gave an unusable gradebook URL " + abbreviate(url));
        }
    }

    private static String body(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ").trim();
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
