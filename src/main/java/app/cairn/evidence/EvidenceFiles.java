package app.cairn.evidence;

import static cairn.schema.Tables.EVIDENCE_FILE;
import static cairn.schema.Tables.EVIDENCE_FILE_CHUNK;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import app.cairn.evidence.EvidenceProblem.Field;
import cairn.schema.tables.records.EvidenceFileRecord;

/**
 * Evidence files in the database, in chunks of {@link #CHUNK_BYTES}: every node of a cluster reads
 * the same files with no shared disk, backups and deletes go with the evidence, and neither a whole
 * file in memory nor a packet larger than MariaDB's {@code max_allowed_packet} (16 MB by default,
 * less than the 20 MB a file may have) is ever needed. Callers check access and run the transaction.
 */
@Component
class EvidenceFiles {

    static final int CHUNK_BYTES = 256 * 1024;

    private final DSLContext db;
    private final Clock clock;
    private final EvidenceConfiguration.Settings settings;

    EvidenceFiles(DSLContext db, Clock clock, EvidenceConfiguration.Settings settings) {
        this.db = db;
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * Stores a file read from {@code content}, chunk by chunk. Refused (and, since the caller's
     * transaction rolls back, nothing kept) when the type is not allowed, the content does not look
     * like the type its name claims, the file is empty or larger than the limit.
     */
    EvidenceFileRecord store(long evidenceId, String fileName, InputStream content) {
        String name = cleanName(fileName);
        FileType type = FileType.byFileName(name);
        if (type == null || !settings.allowedTypes().contains(type)) {
            throw new EvidenceRejectedException(EvidenceProblem.of("evidence.error.file-type", Field.FILES, name,
                    String.join(", ", settings.limits().allowedExtensions())));
        }
        if (db.fetchCount(EVIDENCE_FILE, EVIDENCE_FILE.EVIDENCE_ID.eq(evidenceId)) >= settings.maxFiles()) {
            throw new EvidenceRejectedException(EvidenceProblem.of("evidence.error.too-many-files", Field.FILES,
                    settings.maxFiles()));
        }
        EvidenceFileRecord file = db.newRecord(EVIDENCE_FILE);
        file.setEvidenceId(evidenceId);
        file.setFileName(name);
        file.setFileType(type.key());
        file.setMediaType(type.mediaType());
        file.setSizeBytes(0L);
        file.setSha256("");
        file.setCreatedAt(LocalDateTime.now(clock.withZone(ZoneOffset.UTC)));
        file.store();
        MessageDigest sha256 = sha256();
        byte[] buffer = new byte[CHUNK_BYTES];
        long size = 0;
        try {
            for (int position = 0; ; position++) {
                int read = content.readNBytes(buffer, 0, CHUNK_BYTES);
                if (read == 0) {
                    break;
                }
                if (position == 0 && !type.looksLike(buffer, read)) {
                    throw new EvidenceRejectedException(EvidenceProblem.of("evidence.error.file-content", Field.FILES,
                            name, type.extensions().getFirst()));
                }
                size += read;
                if (size > settings.maxFileBytes()) {
                    throw new EvidenceRejectedException(EvidenceProblem.of("evidence.error.file-too-large", Field.FILES,
                            name, settings.limits().maxFileMegabytes()));
                }
                sha256.update(buffer, 0, read);
                db.insertInto(EVIDENCE_FILE_CHUNK).set(EVIDENCE_FILE_CHUNK.FILE_ID, file.getId())
                        .set(EVIDENCE_FILE_CHUNK.POSITION, position)
                        .set(EVIDENCE_FILE_CHUNK.DATA, Arrays.copyOf(buffer, read)).execute();
            }
        } catch (IOException e) {
            throw new EvidenceRejectedException(EvidenceProblem.of("evidence.error.file-read", Field.FILES, name));
        }
        if (size == 0) {
            throw new EvidenceRejectedException(EvidenceProblem.of("evidence.error.file-empty", Field.FILES, name));
        }
        file.setSizeBytes(size);
        file.setSha256(HexFormat.of().formatHex(sha256.digest()));
        file.update();
        return file;
    }

    /** Writes a file's bytes to {@code out}, one chunk at a time. */
    void copy(long fileId, OutputStream out) {
        List<Integer> positions = db.select(EVIDENCE_FILE_CHUNK.POSITION).from(EVIDENCE_FILE_CHUNK)
                .where(EVIDENCE_FILE_CHUNK.FILE_ID.eq(fileId)).orderBy(EVIDENCE_FILE_CHUNK.POSITION)
                .fetch(EVIDENCE_FILE_CHUNK.POSITION);
        try {
            for (Integer position : positions) {
                out.write(db.select(EVIDENCE_FILE_CHUNK.DATA).from(EVIDENCE_FILE_CHUNK)
                        .where(EVIDENCE_FILE_CHUNK.FILE_ID.eq(fileId), EVIDENCE_FILE_CHUNK.POSITION.eq(position))
                        .fetchSingle(EVIDENCE_FILE_CHUNK.DATA));
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a file and its chunks. */
    void delete(long fileId) {
        db.deleteFrom(EVIDENCE_FILE_CHUNK).where(EVIDENCE_FILE_CHUNK.FILE_ID.eq(fileId)).execute();
        db.deleteFrom(EVIDENCE_FILE).where(EVIDENCE_FILE.ID.eq(fileId)).execute();
    }

    /** The base name, without any folder part or control characters, at most 255 characters (extension kept). */
    static String cleanName(String fileName) {
        String name = fileName == null ? "" : fileName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (name.length() > 255) {
            int dot = name.lastIndexOf('.');
            String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            name = name.substring(0, 255 - extension.length()) + extension;
        }
        return name.isEmpty() ? "file" : name;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
