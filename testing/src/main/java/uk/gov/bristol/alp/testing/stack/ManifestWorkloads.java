package uk.gov.bristol.alp.testing.stack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import uk.gov.bristol.alp.testing.Ports;

/**
 * The application's workloads as the Kubernetes manifests describe them: the {@code local} overlay of
 * deploy/kubernetes rendered by kustomize ({@code kubectl kustomize}) and run by {@code podman kube play} from the
 * images {@code ./alp images} built, on the host's network, against the stack's PostgreSQL, Kafka and Keycloak.
 * Only Deployments and ConfigMaps are played (podman runs no Services or operators' resources); the database logins
 * the Deployments read are made here as podman secrets from the stack's own credentials.
 */
final class ManifestWorkloads {
    /** Stack name to Deployment name; the local overlay's host ports are the standard plan's. */
    static final Map<String, String> DEPLOYMENTS = Map.of(
            "registry", "provider-registry-service",
            "panel", "inclusion-panel-service",
            "placement", "placement-service",
            "finance", "finance-service",
            "notification", "notification-service",
            "gateway", "gateway");

    private final Path repoRoot;
    private final Path rendered;
    private final Map<String, String> environment;
    private final List<String> secrets = new ArrayList<>();

    ManifestWorkloads(Path repoRoot, Path workDir, Map<String, String> environment) {
        this.repoRoot = repoRoot;
        this.rendered = workDir.resolve("workloads.yaml");
        this.environment = environment;
    }

    /** Renders the overlay, adds the stack's extra variables to alp-common, makes the secrets and plays it all. */
    void play(Map<String, String> databaseLogins, String user, String password) {
        String manifests =
                run(Duration.ofMinutes(2), "kubectl", "kustomize", overlay().toString());
        ObjectMapper yaml = new YAMLMapper();
        List<ObjectNode> documents = new ArrayList<>();
        try (var all = yaml.readerFor(ObjectNode.class).<ObjectNode>readValues(manifests)) {
            while (all.hasNext()) {
                ObjectNode document = all.next();
                String kind = document.path("kind").asText();
                if (kind.equals("Deployment") || kind.equals("ConfigMap")) {
                    documents.add(document);
                }
            }
            for (ObjectNode document : documents) {
                if (document.path("metadata").path("name").asText().equals("alp-common")) {
                    environment.forEach(((ObjectNode) document.get("data"))::put);
                }
            }
            StringBuilder out = new StringBuilder();
            for (ObjectNode document : documents) {
                out.append(yaml.writeValueAsString(document));
            }
            Files.createDirectories(rendered.getParent());
            Files.writeString(rendered, out);
        } catch (IOException e) {
            throw new UncheckedIOException("the local overlay did not render", e);
        }
        databaseLogins.values().forEach(secret -> secret(secret, Map.of("username", user, "password", password)));
        // --replace: pods left by a run that was killed are replaced, not a reason to fail.
        run(Duration.ofMinutes(2), "podman", "kube", "play", "--replace", rendered.toString());
    }

    private Path overlay() {
        return repoRoot.resolve("deploy/kubernetes/overlays/local");
    }

    /** podman 4.3 reads a secret referenced by secretKeyRef as a JSON object of base64 values. */
    private void secret(String name, Map<String, String> data) {
        Map<String, String> encoded = new LinkedHashMap<>();
        data.forEach((k, v) -> encoded.put(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
        runQuietly("podman", "secret", "rm", name);
        try {
            Path file = Files.createTempFile("alp-secret", ".json");
            Files.writeString(file, new ObjectMapper().writeValueAsString(encoded));
            run(Duration.ofSeconds(30), "podman", "secret", "create", name, file.toString());
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        secrets.add(name);
    }

    /** The container podman made for a Deployment's first pod. */
    static String container(String stackName) {
        String deployment = DEPLOYMENTS.get(stackName);
        return deployment + "-pod-0-" + deployment;
    }

    /** Copies every container's log so far into {@code directory} ({stack name}.log). */
    void saveLogs(Path directory) {
        try {
            Files.createDirectories(directory);
            for (String name : DEPLOYMENTS.keySet()) {
                Files.writeString(
                        directory.resolve(name + ".log"),
                        run(Duration.ofSeconds(30), "podman", "logs", container(name)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void down() {
        if (Files.exists(rendered)) {
            runQuietly("podman", "kube", "down", rendered.toString());
        }
        secrets.forEach(name -> runQuietly("podman", "secret", "rm", name));
    }

    /** A podman or kubectl command with this project's container settings; its output, or an error with it. */
    String run(Duration timeout, String... command) {
        try {
            Path output = Files.createTempFile("alp-command", ".out");
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment()
                    .put(
                            "CONTAINERS_CONF",
                            repoRoot.resolve("deploy/images/containers.conf").toString());
            Process process = builder.start();
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            String text = Files.readString(output);
            Files.delete(output);
            if (!finished) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " took over " + timeout);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + text);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(command[0] + " could not run (podman and kubectl are needed)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void runQuietly(String... command) {
        try {
            run(Duration.ofMinutes(1), command);
        } catch (RuntimeException ignored) {
            // Nothing to remove, or already gone.
        }
    }

    /** One Deployment's container (its first pod), on its standard host port. */
    Workload workload(String name, int port) {
        return new Container(name, port, this);
    }

    private record Container(String name, int port, ManifestWorkloads podman) implements Workload {
        @Override
        public String url() {
            return "http://127.0.0.1:" + port;
        }

        @Override
        public void start() {
            podman.run(Duration.ofMinutes(1), "podman", "start", container(name));
        }

        @Override
        public void awaitReady(Duration timeout) {
            Ports.await(
                    name + " (container) ready at " + url(),
                    timeout,
                    () -> Http.status(url() + "/q/health/ready") == 200);
        }

        @Override
        public long pid() {
            return Long.parseLong(podman.run(
                            Duration.ofSeconds(30), "podman", "inspect", container(name), "--format", "{{.State.Pid}}")
                    .strip());
        }

        @Override
        public void kill() {
            podman.run(Duration.ofMinutes(1), "podman", "kill", container(name));
        }

        @Override
        public void stop() {
            podman.run(Duration.ofMinutes(1), "podman", "stop", container(name));
        }
    }
}
