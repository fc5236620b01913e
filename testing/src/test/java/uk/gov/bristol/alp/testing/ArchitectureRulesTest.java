package uk.gov.bristol.alp.testing;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The architecture rules catch what they are for (fixtures under archfixture/). */
class ArchitectureRulesTest {
    private static final String FIXTURES = "uk.gov.bristol.alp.testing.archfixture.";

    @Test
    void aUseCaseCallingMessagingIsACycleAndABrokenRule() {
        String bad = FIXTURES + "bad";
        AssertionError e = assertThrows(
                AssertionError.class, () -> ArchitectureRules.check(new ClassFileImporter().importPackages(bad), bad));
        List<String> broken = Arrays.stream(e.getSuppressed())
                .map(Throwable::getMessage)
                .map(m -> m.lines().findFirst().orElse(""))
                .toList();
        assertEquals(2, broken.size(), String.join("\n", broken));
        assertEquals(true, broken.get(0).contains("no import cycle"), broken.get(0));
        assertEquals(true, broken.get(1).contains("service and domain never depend on messaging"), broken.get(1));
    }

    @Test
    void aUseCaseAnnouncingThroughAPortKeepsTheTemplate() {
        String good = FIXTURES + "good";
        assertDoesNotThrow(() -> ArchitectureRules.check(new ClassFileImporter().importPackages(good), good));
    }
}
