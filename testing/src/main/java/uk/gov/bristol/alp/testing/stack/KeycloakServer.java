package uk.gov.bristol.alp.testing.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import uk.gov.bristol.alp.testing.InfraFiles;
import uk.gov.bristol.alp.testing.Ports;

/**
 * A real Keycloak (the keycloak-quarkus-dist archive from Maven Central) in dev mode on loopback, with
 * the realm imported fresh at every start. The distribution is unpacked once into its home folder and
 * reused, so only the first start pays for Keycloak's build step.
 */
public final class KeycloakServer {
    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "admin";

    private final Path home;
    private final int port;
    private final int managementPort;
    private Process process;

    /** @param cacheDir where distributions are unpacked, one folder per version, reused between runs */
    public KeycloakServer(Path cacheDir, int port, int managementPort) {
        String archive = Path.of(InfraFiles.resource("alp-infra/keycloak.path"))
                .getFileName()
                .toString();
        this.home = cacheDir.resolve(archive.replace(".tar.gz", ""));
        this.port = port;
        this.managementPort = managementPort;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public String issuer() {
        return url() + "/realms/alp";
    }

    /** An access token of the bootstrap admin, from the master realm: for the admin API. */
    public String adminToken() {
        return Http.form(
                        url() + "/realms/master/protocol/openid-connect/token",
                        Map.of(
                                "grant_type",
                                "password",
                                "client_id",
                                "admin-cli",
                                "username",
                                ADMIN,
                                "password",
                                ADMIN_PASSWORD))
                .text("access_token");
    }

    /** Starts in the background; call {@link #awaitReady} before use. */
    public void start(Path realmJson) {
        try {
            unpackOnce();
            InfraFiles.deleteTree(home.resolve("data"));
            Path imports = Files.createDirectories(home.resolve("data/import"));
            Files.copy(realmJson, imports.resolve("alp-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            ProcessBuilder builder = new ProcessBuilder(
                            home.resolve("bin/kc.sh").toString(),
                            "start-dev",
                            "--http-host=127.0.0.1",
                            "--http-port=" + port,
                            "--http-management-port=" + managementPort,
                            "--health-enabled=true",
                            "--import-realm")
                    .redirectErrorStream(true)
                    .redirectOutput(home.getParent()
                            .resolve(home.getFileName() + ".log")
                            .toFile());
            builder.environment()
                    .putAll(Map.of(
                            "JAVA_HOME",
                            System.getProperty("java.home"),
                            "KC_BOOTSTRAP_ADMIN_USERNAME",
                            ADMIN,
                            "KC_BOOTSTRAP_ADMIN_PASSWORD",
                            ADMIN_PASSWORD,
                            "JAVA_OPTS_KC_HEAP",
                            "-Xms64m -Xmx512m",
                            "JAVA_OPTS_APPEND",
                            "-XX:TieredStopAtLevel=1"));
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Keycloak did not start", e);
        }
    }

    public void awaitReady(Duration timeout) {
        Ports.await("Keycloak realm alp at " + issuer(), timeout, () -> {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException(
                        "Keycloak exited; see " + home.getParent().resolve(home.getFileName() + ".log"));
            }
            return Http.status(issuer() + "/.well-known/openid-configuration") == 200;
        });
    }

    public void stop() {
        if (process != null) {
            List<ProcessHandle> tree = process.descendants().toList();
            process.destroy();
            tree.forEach(ProcessHandle::destroy);
            tree.forEach(p -> p.onExit().join());
            process.onExit().join();
            process = null;
        }
    }

    private void unpackOnce() throws IOException {
        if (Files.exists(home.resolve("bin/kc.sh"))) {
            return;
        }
        Path archive = Path.of(InfraFiles.resource("alp-infra/keycloak.path"));
        Path staging = Files.createDirectories(home.getParent().resolve(home.getFileName() + ".unpacking"));
        InfraFiles.deleteTree(staging);
        Files.createDirectories(staging);
        run(List.of("tar", "xzf", archive.toString(), "-C", staging.toString()));
        try (var entries = Files.list(staging)) {
            Path unpacked = entries.findFirst().orElseThrow(() -> new IllegalStateException("empty Keycloak archive"));
            InfraFiles.deleteTree(home);
            Files.move(unpacked, home);
        }
        InfraFiles.deleteTree(staging);
    }

    private static void run(List<String> command) throws IOException {
        try {
            Process p = new ProcessBuilder(command).inheritIO().start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("failed: " + String.join(" ", command));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
