package uk.gov.bristol.alp.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alert rules in deploy/observability are valid Prometheus rules and behave as their unit tests say (promtool,
 * from Debian's prometheus package, which ./alp test installs where missing), and those tests notice a broken rule.
 */
class ObservabilityRulesTest {
    private static final Path RULES =
            Path.of(System.getProperty("alp.repo", "..")).resolve("deploy/observability/prometheus");

    @Test
    void theRulesAreValid() throws Exception {
        Result check = promtool(RULES, "check", "rules", "alerts.yml");
        assertEquals(0, check.exit(), check.output());
        assertTrue(check.output().contains("SUCCESS"), check.output());
    }

    @Test
    void theRulesPassTheirUnitTests() throws Exception {
        Result test = promtool(RULES, "test", "rules", "alerts-test.yml");
        assertEquals(0, test.exit(), test.output());
    }

    @Test
    void theUnitTestsFailWhenARuleIsWeakened(@TempDir Path copy) throws Exception {
        String rules = Files.readString(RULES.resolve("alerts.yml"));
        String weakened =
                rules.replace("(alp_outbox_oldest_age_seconds) > 60", "(alp_outbox_oldest_age_seconds) > 600");
        assertNotEquals(rules, weakened, "the rule to weaken is still there");
        Files.writeString(copy.resolve("alerts.yml"), weakened);
        Files.copy(RULES.resolve("alerts-test.yml"), copy.resolve("alerts-test.yml"));
        Result test = promtool(copy, "test", "rules", "alerts-test.yml");
        assertNotEquals(0, test.exit(), "a weakened rule must fail its test:\n" + test.output());
        assertTrue(test.output().contains("AlpOutboxStuck"), test.output());
    }

    private record Result(int exit, String output) {}

    private static Result promtool(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(promtool()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "promtool finished");
        return new Result(process.exitValue(), output);
    }

    private static String promtool() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path candidate = Path.of(dir, "promtool");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new IllegalStateException(
                "promtool is missing: install Debian's prometheus package (./alp test installs it where it can)");
    }
}
