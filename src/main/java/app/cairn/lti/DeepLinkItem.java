package app.cairn.lti;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One LTI resource link for a Deep Linking response, as the feature that chose it describes it.
 * The launch URL is Cairn's own and is filled in by {@link DeepLinking}.
 *
 * @param custom   custom parameters the LMS sends back at every launch of the link
 * @param lineItem the gradebook column the LMS should make with the link, or null for none
 */
public record DeepLinkItem(String title, @Nullable String text, Map<String, String> custom,
                           @Nullable LineItem lineItem) {

    /** A line item (Assignment and Grade Services) for the link; {@code resourceId} is Cairn's key for it. */
    public record LineItem(String label, double scoreMaximum, String resourceId, String tag) {
    }
}
