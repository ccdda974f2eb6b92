package app.cairn.evidence;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/** The {@code cairn.evidence} settings. An unknown file type in them stops the start, loudly. */
@Configuration(proxyBeanMethods = false)
class EvidenceConfiguration {

    static final int MAX_TEXT_CHARS = 20_000;
    static final int MAX_LINKS = 20;

    @Bean
    Settings evidenceSettings(@Value("${cairn.evidence.max-file-bytes:20MB}") DataSize maxFileBytes,
                              @Value("${cairn.evidence.allowed-types:pdf,png,jpeg,gif,webp,txt,docx,pptx,xlsx,odt,mp3,mp4}")
                              List<String> allowedTypes,
                              @Value("${cairn.evidence.max-files:10}") int maxFiles) {
        Set<FileType> types = EnumSet.noneOf(FileType.class);
        for (String key : allowedTypes) {
            if (!key.isBlank()) {
                try {
                    types.add(FileType.byKey(key));
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException("cairn.evidence.allowed-types: unknown file type '" + key.strip()
                            + "'; known: " + java.util.Arrays.stream(FileType.values()).map(FileType::key).toList(), e);
                }
            }
        }
        if (maxFileBytes.toBytes() <= 0 || maxFiles <= 0) {
            throw new IllegalStateException("cairn.evidence.max-file-bytes and max-files must be positive");
        }
        return new Settings(maxFileBytes.toBytes(), Set.copyOf(types), maxFiles);
    }

    /** The settings, with the file types as Cairn knows them. */
    record Settings(long maxFileBytes, Set<FileType> allowedTypes, int maxFiles) {

        EvidenceLimits limits() {
            List<FileType> types = allowedTypes.stream().sorted().toList();
            return new EvidenceLimits(maxFileBytes, types.stream().flatMap(t -> t.extensions().stream()).toList(),
                    types.stream().map(FileType::mediaType).distinct().toList(), maxFiles, MAX_TEXT_CHARS, MAX_LINKS);
        }
    }
}
