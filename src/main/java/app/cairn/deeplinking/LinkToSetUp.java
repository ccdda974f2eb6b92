package app.cairn.deeplinking;

import org.jspecify.annotations.Nullable;

/**
 * An LMS link of the viewer's course that does not open anything yet.
 *
 * @param title       the link's title in the LMS, when it sent one
 * @param unitMissing the link names a unit ({@code cairn_unit_id}) that Cairn cannot find here or in an earlier course
 */
public record LinkToSetUp(long id, @Nullable String title, boolean unitMissing) {
}
