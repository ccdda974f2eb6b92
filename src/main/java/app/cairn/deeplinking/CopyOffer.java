package app.cairn.deeplinking;

import org.jspecify.annotations.Nullable;

import app.cairn.unit.CopySource;

/** A link the LMS copied from an earlier course, and the unit it was made for there. */
public record CopyOffer(long linkId, @Nullable String linkTitle, CopySource source) {
}
