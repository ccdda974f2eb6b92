package app.cairn.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** File types by name and by content signature, and clean file names. */
class FileTypeTest {

    @Test
    void the_extension_names_the_type_case_blind_and_jpg_is_jpeg() {
        assertThat(FileType.byFileName("Lab Report.PDF")).isEqualTo(FileType.PDF);
        assertThat(FileType.byFileName("photo.jpg")).isEqualTo(FileType.JPEG);
        assertThat(FileType.byFileName("photo.jpeg")).isEqualTo(FileType.JPEG);
        assertThat(FileType.byFileName("song.mp3")).isEqualTo(FileType.MP3);
        assertThat(FileType.byFileName("virus.exe")).isNull();
        assertThat(FileType.byFileName("no-extension")).isNull();
    }

    @Test
    void content_must_carry_the_types_signature() {
        assertThat(looks(FileType.PDF, "%PDF-1.7\n...")).isTrue();
        assertThat(looks(FileType.PDF, "MZ\u0090\u0000 not a pdf")).isFalse();
        assertThat(FileType.PNG.looksLike(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0}, 9)).isTrue();
        assertThat(FileType.JPEG.looksLike(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0}, 4)).isTrue();
        assertThat(looks(FileType.GIF, "GIF89a....")).isTrue();
        assertThat(looks(FileType.WEBP, "RIFF\u0000\u0000\u0000\u0000WEBPVP8 ")).isTrue();
        assertThat(looks(FileType.MP4, "\u0000\u0000\u0000\u0018ftypmp42")).isTrue();
        assertThat(looks(FileType.MP3, "ID3\u0004\u0000")).isTrue();
        assertThat(looks(FileType.DOCX, "PK\u0003\u0004[Content_Types].xml")).isTrue();
        assertThat(looks(FileType.DOCX, "%PDF-1.7")).isFalse();
    }

    @Test
    void an_odt_names_its_type_in_its_first_entry() {
        String odt = "PK\u0003\u0004" + "x".repeat(26) + "mimetypeapplication/vnd.oasis.opendocument.text";
        assertThat(looks(FileType.ODT, odt)).isTrue();
        String other = "PK\u0003\u0004" + "x".repeat(26) + "mimetypeapplication/vnd.oasis.opendocument.spreadsheet";
        assertThat(looks(FileType.ODT, other)).isFalse();
    }

    @Test
    void text_has_no_nul_bytes_and_hardly_any_control_characters() {
        assertThat(looks(FileType.TXT, "Mi ensayo: ¿qué aprendí?\r\n\tTodo.")).isTrue();
        assertThat(looks(FileType.TXT, "binary\u0000data")).isFalse();
        assertThat(looks(FileType.TXT, "\u0001\u0002\u0003\u0004abc")).isFalse();
        assertThat(looks(FileType.TXT, "")).isFalse();
    }

    @Test
    void file_names_lose_folders_and_control_characters_and_keep_their_extension_when_cut() {
        assertThat(EvidenceFiles.cleanName("C:\\Users\\ana\\essay.pdf")).isEqualTo("essay.pdf");
        assertThat(EvidenceFiles.cleanName("../../etc/passwd.txt")).isEqualTo("passwd.txt");
        assertThat(EvidenceFiles.cleanName("a\u0000b\nc.txt")).isEqualTo("abc.txt");
        assertThat(EvidenceFiles.cleanName("   ")).isEqualTo("file");
        String cut = EvidenceFiles.cleanName("x".repeat(300) + ".docx");
        assertThat(cut).hasSize(255).endsWith(".docx");
    }

    private static boolean looks(FileType type, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.ISO_8859_1);
        if (type == FileType.TXT) {
            bytes = content.getBytes(StandardCharsets.UTF_8);
        }
        return type.looksLike(bytes, bytes.length);
    }
}
