package uk.gov.bristol.alp.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Small file helpers and the resources this module's build writes (broker classpath, Keycloak path). */
public final class InfraFiles {
    private InfraFiles() {}

    public static String resource(String name) {
        try (InputStream in = InfraFiles.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + ": build the alp-testing module");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The java executable of the running JVM, for child processes. */
    public static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** A working folder for infrastructure started by tests: under target/ when run by Maven. */
    public static Path workDir(String name) {
        Path base = Path.of(System.getProperty(
                "alp.infra.dir",
                Path.of(System.getProperty("java.io.tmpdir"), "alp-infra").toString()));
        try {
            return Files.createDirectories(base.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
