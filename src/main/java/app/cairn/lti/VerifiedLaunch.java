package app.cairn.lti;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** A launch whose every check passed: the facts Cairn takes from it, no token. */
record VerifiedLaunch(long platformId, long deploymentRowId, String subject, @Nullable String name,
                      @Nullable String email, @Nullable String locale, String contextId,
                      @Nullable String contextTitle, @Nullable String contextLabel, List<String> roles,
                      String messageType, String resourceLinkId, @Nullable String rosterUrl,
                      @Nullable String lineItemsUrl, List<String> agsScopes) {
}
