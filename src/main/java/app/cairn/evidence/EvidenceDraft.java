package app.cairn.evidence;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a student writes into their evidence.
 *
 * @param text         what they did and how it shows the learning
 * @param links        http(s) addresses (a video, a document, a site)
 * @param performedOn  the day the work was done; empty means the day it is submitted
 * @param baseRevision the revision it was loaded with, so a save from a stale page is noticed
 */
public record EvidenceDraft(@Nullable String text, List<String> links, @Nullable LocalDate performedOn,
                            int baseRevision) {

    public EvidenceDraft {
        links = List.copyOf(links);
    }
}
