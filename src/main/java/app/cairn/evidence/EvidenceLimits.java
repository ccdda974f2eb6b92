package app.cairn.evidence;

import java.util.List;

/**
 * What a student may put into evidence, from the {@code cairn.evidence} settings, so an upload
 * field can say (and check early) what the server enforces anyway.
 *
 * @param maxFileBytes      the largest file, in bytes
 * @param allowedExtensions the file name extensions allowed (without the dot)
 * @param allowedMediaTypes the media types of the allowed files, for a file picker's filter
 * @param maxFiles          files per piece of evidence
 * @param maxTextChars      characters of text
 * @param maxLinks          links per piece of evidence
 */
public record EvidenceLimits(long maxFileBytes, List<String> allowedExtensions, List<String> allowedMediaTypes,
                             int maxFiles, int maxTextChars, int maxLinks) {

    public EvidenceLimits {
        allowedExtensions = List.copyOf(allowedExtensions);
        allowedMediaTypes = List.copyOf(allowedMediaTypes);
    }

    /** The largest file in whole megabytes (rounded up), for messages. */
    public long maxFileMegabytes() {
        return (maxFileBytes + (1 << 20) - 1) >> 20;
    }
}
