package app.cairn.deeplinking;

/**
 * A teacher's open deep linking request, as the picker shows it.
 *
 * @param acceptMultiple whether the LMS takes several units at once (else exactly one)
 */
public record PickRequest(String id, boolean acceptMultiple) {
}
