package app.cairn.evidence;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The kinds of file students may attach (as far as the course's settings allow), each known by its
 * extensions and recognised by the signature at the start of its content. A file must have an
 * allowed extension <em>and</em> content that looks like it: the browser's claimed media type is
 * never trusted.
 */
enum FileType {
    PDF("application/pdf", "pdf") {
        @Override
        boolean looksLike(byte[] head, int length) {
            return startsWith(head, length, 0, "%PDF-");
        }
    },
    PNG("image/png", "png") {
        @Override
        boolean looksLike(byte[] head, int length) {
            return startsWith(head, length, 0, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        }
    },
    JPEG("image/jpeg", "jpg", "jpeg") {
        @Override
        boolean looksLike(byte[] head, int length) {
            return startsWith(head, length, 0, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff});
        }
    },
    GIF("image/gif", "gif") {
        @Override
        boolean looksLike(byte[] head, int length) {
            return startsWith(head, length, 0, "GIF87a") || startsWith(head, length, 0, "GIF89a");
        }
    },
    WEBP("image/webp", "webp") {
        @Override
        boolean looksLike(byte[] head, int length) {
            return startsWith(head, length, 0, "RIFF") && startsWith(head, length, 8, "WEBP");
        }
    },
    TXT("text/plain; charset=UTF-8", "txt") {
        /** Plain text: no NUL byte, and hardly any other control characters (a binary file has plenty). */
        @Override
        boolean looksLike(byte[] head, int length) {
            int controls = 0;
            for (int i = 0; i < length; i++) {
                int b = head[i] & 0xff;
                if (b == 0) {
                    return false;
                }
                if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1b) {
                    controls++;
                }
            }
            return length > 0 && controls * 100 <= length;
        }
    },
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx") {
        @Override
        boolean looksLike(byte[] head, int length) {
            return zip(head, length);
        }
    },
    PPTX("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx") {
        @Override
        boolean looksLike(byte[] head, int length) {
            return zip(head, length);
        }
    },
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx") {
        @Override
        boolean looksLike(byte[] head, int length) {
            return zip(head, length);
        }
    },
    ODT("application/vnd.oasis.opendocument.text", "odt") {
        /** OpenDocument puts an uncompressed "mimetype" entry first, naming the document's type. */
        @Override
        boolean looksLike(byte[] head, int length) {
            return zip(head, length) && startsWith(head, length, 30, "mimetype")
                    && startsWith(head, length, 38, "application/vnd.oasis.opendocument.text");
        }
    },
    MP3("audio/mpeg", "mp3") {
        @Override
        boolean looksLike(byte[] head, int length) {
            return startsWith(head, length, 0, "ID3")
                    || (length >= 2 && (head[0] & 0xff) == 0xff && (head[1] & 0xe0) == 0xe0);
        }
    },
    MP4("video/mp4", "mp4") {
        @Override
        boolean looksLike(byte[] head, int length) {
            return startsWith(head, length, 4, "ftyp");
        }
    };

    private final String mediaType;
    private final List<String> extensions;

    FileType(String mediaType, String... extensions) {
        this.mediaType = mediaType;
        this.extensions = List.of(extensions);
    }

    /** Whether the first bytes of a file (up to one chunk) carry this type's signature. */
    abstract boolean looksLike(byte[] head, int length);

    /** The key used in {@code cairn.evidence.allowed-types}: the lower-case name. */
    String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    String mediaType() {
        return mediaType;
    }

    List<String> extensions() {
        return extensions;
    }

    static FileType byKey(String key) {
        return valueOf(key.strip().toUpperCase(Locale.ROOT));
    }

    /** The type a file name's extension names, if any. */
    static @Nullable FileType byFileName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0) {
            return null;
        }
        String extension = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.extensions.contains(extension)).findFirst().orElse(null);
    }

    private static boolean zip(byte[] head, int length) {
        return startsWith(head, length, 0, new byte[] {'P', 'K', 3, 4});
    }

    private static boolean startsWith(byte[] head, int length, int offset, String signature) {
        return startsWith(head, length, offset, signature.getBytes(StandardCharsets.US_ASCII));
    }

    private static boolean startsWith(byte[] head, int length, int offset, byte[] signature) {
        if (length < offset + signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if (head[offset + i] != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
