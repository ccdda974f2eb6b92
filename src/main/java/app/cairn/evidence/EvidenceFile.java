package app.cairn.evidence;

import java.time.Instant;

/**
 * A file attached to evidence (its bytes are read with {@link BodyOfEvidence#copyFile}).
 *
 * @param type      Cairn's type key (pdf, png, docx, ...), from the name and checked against the content
 * @param mediaType the media type to serve it with
 */
public record EvidenceFile(long id, long evidenceId, String name, String type, String mediaType, long sizeBytes,
                           String sha256, Instant addedAt) {
}
