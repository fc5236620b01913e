package uk.gov.bristol.alp.platform.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.bristol.alp.platform.problem.ProblemException;

class ContentTypesTest {
    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @TempDir
    Path dir;

    private Path file(byte[] bytes) throws IOException {
        return Files.write(Files.createTempFile(dir, "upload", ".bin"), bytes);
    }

    private static byte[] zip() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    @Test
    void aPdfIsAPdfWhateverTheClientCallsIt() throws IOException {
        Path pdf = file("%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        assertEquals("application/pdf", ContentTypes.require(pdf, "plan.pdf", "application/pdf"));
        assertEquals("application/pdf", ContentTypes.require(pdf, "plan", "application/octet-stream"));
        assertEquals("application/pdf", ContentTypes.require(pdf, "plan.PDF", null));
        assertEquals("application/pdf", ContentTypes.require(pdf, "plan.pdf", "application/pdf; charset=binary"));
    }

    @Test
    void aZipIsAWordDocumentOnlyWhenItsNameSaysSoAndOtherwiseIsRefused() throws IOException {
        Path zip = file(zip());
        assertEquals(DOCX, ContentTypes.require(zip, "plan.docx", DOCX));
        ProblemException refused =
                assertThrows(ProblemException.class, () -> ContentTypes.require(zip, "plan.zip", "application/zip"));
        assertEquals(DocumentRules.TYPE_NOT_ALLOWED, refused.type());
    }

    @Test
    void aJpegMayBeDeclaredByItsCommonAlias() throws IOException {
        Path jpeg =
                file(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0});
        assertEquals("image/jpeg", ContentTypes.require(jpeg, "photo.jpg", "image/jpg"));
    }
}
