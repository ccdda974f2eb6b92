package app.cairn.lti;

/**
 * A teacher's open deep linking request, as the picker needs it: no URLs, no tokens.
 *
 * @param acceptMultiple whether the LMS takes several items in one answer
 * @param acceptLineItem false when the LMS said it ignores line items (then none are sent)
 */
public record DeepLinkingRequest(String id, boolean acceptMultiple, boolean acceptLineItem) {
}
