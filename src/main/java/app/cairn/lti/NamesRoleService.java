package app.cairn.lti;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.nimbusds.jose.util.JSONObjectUtils;

import app.cairn.course.RosterSource;

/**
 * LTI Names and Role Provisioning Services 2.0: reads a course's membership, following
 * {@code Link: rel="next"} pages. Hostile answers (bad JSON, wrong media type, huge pages, endless
 * or looping next links) end the fetch with a message; nothing is applied from a partial roster.
 */
@Component
class NamesRoleService implements RosterSource {

    static final String MEDIA_TYPE = "application/vnd.ims.lti-nrps.v2.membershipcontainer+json";
    private static final int MAX_PAGES = 200;
    private static final int MAX_PAGE_BYTES = 5 * 1024 * 1024;
    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>\\s*;[^,]*rel=\"?next\"?");
    private static final Set<String> NRPS_SCOPES = Set.of(LtiClaims.NRPS_SCOPE);

    private final PlatformRegistry platforms;
    private final PlatformAccessTokens tokens;
    private final Duration timeout;
    private final HttpClient http;

    NamesRoleService(PlatformRegistry platforms, PlatformAccessTokens tokens,
                     @Value("${cairn.lti.http-timeout}") Duration timeout) {
        this.platforms = platforms;
        this.tokens = tokens;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public List<Member> fetch(long platformId, String rosterUrl) throws UnavailableException {
        Platform platform = platforms.findById(platformId)
                .orElseThrow(() -> new UnavailableException("the course's LMS is no longer registered"));
        List<Member> members = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String next = rosterUrl;
        while (next != null) {
            if (!seen.add(next) || seen.size() > MAX_PAGES) {
                throw new UnavailableException("the LMS's roster pages do not end (more than " + MAX_PAGES
                        + " pages, or a page links back to an earlier one)");
            }
            HttpResponse<byte[]> page = get(platform, next);
            members.addAll(parse(page));
            next = page.headers().allValues("Link").stream().map(NEXT_LINK::matcher).filter(Matcher::find)
                    .map(m -> m.group(1)).findFirst().map(link -> URI.create(rosterUrl).resolve(link).toString())
                    .orElse(null);
        }
        if (members.isEmpty()) {
            throw new UnavailableException("the LMS answered with an empty roster");
        }
        return members;
    }

    private HttpResponse<byte[]> get(Platform platform, String url) throws UnavailableException {
        try {
            HttpResponse<byte[]> response = send(platform, url);
            if (response.statusCode() == 401) {
                // The platform may have revoked the cached token early: ask for a new one, once.
                tokens.invalidate(platform, NRPS_SCOPES);
                response = send(platform, url);
            }
            if (response.statusCode() != 200) {
                throw new UnavailableException("the LMS answered HTTP " + response.statusCode() + " for the roster");
            }
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (!type.startsWith(MEDIA_TYPE) && !type.startsWith("application/json")) {
                throw new UnavailableException("the LMS answered with " + (type.isEmpty() ? "no media type" : type)
                        + " instead of a membership container");
            }
            if (response.body().length > MAX_PAGE_BYTES) {
                throw new UnavailableException("a roster page is larger than " + MAX_PAGE_BYTES + " bytes");
            }
            return response;
        } catch (PlatformAccessTokens.TokenException e) {
            throw new UnavailableException("Cairn could not get access to the roster: " + e.getMessage());
        } catch (IOException | IllegalArgumentException e) {
            throw new UnavailableException("the LMS's roster could not be fetched: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("interrupted while fetching the roster");
        }
    }

    private HttpResponse<byte[]> send(Platform platform, String url)
            throws PlatformAccessTokens.TokenException, IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Accept", MEDIA_TYPE)
                .header("Authorization", "Bearer " + tokens.token(platform, NRPS_SCOPES))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static List<Member> parse(HttpResponse<byte[]> page) throws UnavailableException {
        Map<String, Object> container;
        try {
            container = JSONObjectUtils.parse(new String(page.body(), StandardCharsets.UTF_8));
        } catch (ParseException e) {
            throw new UnavailableException("the LMS's roster is not valid JSON: " + e.getMessage());
        }
        if (!(container.get("members") instanceof List<?> rawMembers)) {
            throw new UnavailableException("the LMS's roster has no members list");
        }
        List<Member> members = new ArrayList<>();
        for (Object raw : rawMembers) {
            if (!(raw instanceof Map<?, ?> member) || !(member.get("user_id") instanceof String userId) || userId.isBlank()) {
                throw new UnavailableException("a roster member has no user_id (member " + (members.size() + 1) + ")");
            }
            if (!(member.get("roles") instanceof List<?> rawRoles)) {
                throw new UnavailableException("roster member " + userId + " has no roles");
            }
            List<String> roles = rawRoles.stream().filter(Objects::nonNull).map(String::valueOf).toList();
            String status = member.get("status") instanceof String s ? s : "Active";
            members.add(new Member(userId, name(member), text(member, "email"), RoleMapping.map(roles).orElse(null),
                    roles, "Active".equalsIgnoreCase(status)));
        }
        return members;
    }

    private static @Nullable String name(Map<?, ?> member) {
        String name = text(member, "name");
        if (name != null) {
            return name;
        }
        String joined = ((Objects.requireNonNullElse(text(member, "given_name"), "")) + " "
                + Objects.requireNonNullElse(text(member, "family_name"), "")).trim();
        return joined.isEmpty() ? null : joined;
    }

    private static @Nullable String text(Map<?, ?> member, String key) {
        return member.get(key) instanceof String s && !s.isBlank() ? s : null;
    }
}
