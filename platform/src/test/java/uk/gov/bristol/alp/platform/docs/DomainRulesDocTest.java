package uk.gov.bristol.alp.platform.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/domain-rules.md is where a reader finds every rule: its index of problem types must list exactly the rule
 * types the code declares, and no source comment may cite a document the repository does not have.
 */
class DomainRulesDocTest {
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern DECLARED = Pattern.compile("ProblemType\\.rule\\(\\s*\"([a-z0-9-]+)\"");
    private static final Pattern INDEXED = Pattern.compile("^\\| `([a-z0-9-]+)` \\| \\d{3} \\|", Pattern.MULTILINE);

    @Test
    void theIndexListsEveryRuleTypeTheCodeDeclaresAndNoOther() {
        Set<String> declared = new TreeSet<>();
        for (Path source : javaSources()) {
            Matcher m = DECLARED.matcher(read(source));
            while (m.find()) {
                declared.add(m.group(1));
            }
        }
        Set<String> indexed = new TreeSet<>();
        Matcher m = INDEXED.matcher(read(REPO.resolve("docs/domain-rules.md")));
        while (m.find()) {
            indexed.add(m.group(1));
        }
        assertTrue(declared.size() > 30, "rule types found in the sources: " + declared);
        assertEquals(declared, indexed);
    }

    @Test
    void everyDocumentACommentCitesIsInTheRepository() {
        Pattern citation = Pattern.compile("\\b((?:docs/)?[\\w/.-]*\\.md)\\b");
        List<String> missing = javaSources().stream()
                .flatMap(source -> {
                    Matcher m = citation.matcher(read(source));
                    Stream.Builder<String> out = Stream.builder();
                    while (m.find()) {
                        String cited = m.group(1);
                        if (!Files.exists(REPO.resolve(cited))) {
                            out.add(REPO.relativize(source) + " cites " + cited);
                        }
                    }
                    return out.build();
                })
                .toList();
        assertEquals(List.of(), missing);
    }

    private static List<Path> javaSources() {
        try (Stream<Path> files = Files.walk(REPO)) {
            return files.filter(
                            p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/java/"))
                    .filter(p -> !p.toString().contains("/target/"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
