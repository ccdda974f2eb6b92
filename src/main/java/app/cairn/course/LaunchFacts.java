package app.cairn.course;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import app.cairn.shared.Role;

/**
 * What a verified launch says about a person and their course; name and email may be withheld.
 * {@code rosterUrl} is the course's Names and Role Provisioning endpoint, when the LMS offers one;
 * {@code lineItemsUrl} and {@code agsScopes} its Assignment and Grade Services endpoint and the
 * scopes granted there (empty when the LMS offers no gradebook).
 */
public record LaunchFacts(long platformId, long deploymentRowId, String subject, @Nullable String name,
                          @Nullable String email, Locale locale, String contextId,
                          @Nullable String contextTitle, @Nullable String contextLabel, Role role,
                          List<String> lmsRoles, @Nullable String rosterUrl,
                          @Nullable String lineItemsUrl, List<String> agsScopes) {
}
