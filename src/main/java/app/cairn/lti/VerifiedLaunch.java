package app.cairn.lti;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A launch whose every check passed: the facts Cairn takes from it, no token. A resource link
 * launch has {@code resourceLinkId}; a deep linking request has {@code deepLinking} instead.
 * {@code custom} holds the custom claim's string values (what the link was placed with).
 */
record VerifiedLaunch(long platformId, long deploymentRowId, String subject, @Nullable String name,
                      @Nullable String email, @Nullable String locale, String contextId,
                      @Nullable String contextTitle, @Nullable String contextLabel, List<String> roles,
                      String messageType, @Nullable String resourceLinkId, @Nullable String rosterUrl,
                      @Nullable String lineItemsUrl, List<String> agsScopes, String deploymentId,
                      @Nullable String resourceLinkTitle, Map<String, String> custom,
                      @Nullable DeepLinkingSettings deepLinking) {

    boolean isDeepLinking() {
        return deepLinking != null;
    }
}
