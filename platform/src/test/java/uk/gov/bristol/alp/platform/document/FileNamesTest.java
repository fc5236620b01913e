package uk.gov.bristol.alp.platform.document;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FileNamesTest {
    @Test
    void aNameKeepsItsLastSegmentWithoutControlCharactersOrQuotes() {
        assertEquals("plan v2.pdf", FileNames.safe("C:\\Users\\kw\\plan v2.pdf"));
        assertEquals("plan.pdf", FileNames.safe("../../pl\"an\r\n.pdf"));
        assertEquals("document", FileNames.safe(".."));
        assertEquals("document", FileNames.safe(null));
        assertEquals("document", FileNames.safe("   "));
    }

    @Test
    void aLongNameIsCutKeepingItsExtension() {
        String cut = FileNames.safe("a".repeat(500) + ".pdf");
        assertEquals(FileNames.MAX_LENGTH, cut.length());
        assertEquals(".pdf", cut.substring(cut.length() - 4));
    }

    @Test
    void theDispositionHasAnAsciiFallbackAndTheEncodedName() {
        assertEquals(
                "attachment; filename=\"Asesu risg _.pdf\"; filename*=UTF-8''Asesu%20risg%20%E2%9C%93.pdf",
                FileNames.contentDisposition("Asesu risg \u2713.pdf"));
    }
}
