package uk.gov.bristol.alp.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a caller is told about a body Jackson cannot read: the field and what it must be, in plain words. */
class JsonProblemsTest {
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void jsonNestedPastTheLimitIsMalformedNotAServerError() {
        String deep = "[".repeat(1001) + "]".repeat(1001);
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> mapper.readTree(deep));
        JsonProblems.Readout readout = JsonProblems.of(e);
        assertEquals(ProblemType.MALFORMED, readout.type());
        assertEquals("the body is nested too deeply or a value in it is too long", readout.detail());
    }

    @Test
    void brokenJsonSaysWhereNotWhat() {
        JsonProcessingException e =
                assertThrows(JsonProcessingException.class, () -> mapper.readTree("{\"upn\": secret}"));
        assertEquals(
                "the body is not valid JSON (line 1, column 15)",
                JsonProblems.of(e).detail());
    }

    @Test
    void expectedValuesAreNamedInWordsNotJavaTypes() {
        assertEquals("text", JsonProblems.expected(String.class));
        assertEquals("a whole number", JsonProblems.expected(int.class));
        assertEquals("a date as text, YYYY-MM-DD", JsonProblems.expected(LocalDate.class));
        assertEquals("a time as text, HH:MM", JsonProblems.expected(LocalTime.class));
        assertEquals("a date and time as ISO 8601 text with its offset", JsonProblems.expected(OffsetDateTime.class));
        assertEquals("a UUID", JsonProblems.expected(UUID.class));
        assertEquals("one of MORNING, AFTERNOON", JsonProblems.expected(Session.class));
        assertEquals("a list", JsonProblems.expected(List.class));
        assertEquals("an object", JsonProblems.expected(JsonProblemsTest.class));
    }

    private enum Session {
        MORNING,
        AFTERNOON
    }
}
