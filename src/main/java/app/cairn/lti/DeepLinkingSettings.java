package app.cairn.lti;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The {@code deep_linking_settings} claim of a deep linking request, as far as Cairn uses it.
 *
 * @param dataJson       the opaque {@code data} value as JSON (usually a JSON string), echoed unchanged
 * @param acceptLineItem false only when the platform said it ignores line items; absent counts as true
 */
record DeepLinkingSettings(String returnUrl, List<String> acceptTypes, boolean acceptMultiple,
                           boolean acceptLineItem, @Nullable String dataJson, @Nullable String title,
                           @Nullable String text) {
}
