package uk.gov.bristol.alp.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Kubernetes manifests as kustomize renders them ({@code kubectl kustomize DIR}), one JSON tree per document. */
final class Manifests {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Manifests() {}

    static Path repo() {
        return Path.of(System.getProperty("alp.repo", "..")).toAbsolutePath().normalize();
    }

    /** Renders a kustomization under the repository (for example deploy/kubernetes/overlays/production). */
    static List<ObjectNode> render(String directory) {
        Path dir = repo().resolve(directory);
        try {
            Path out = Files.createTempFile("kustomize", ".yaml");
            Process process = new ProcessBuilder("kubectl", "kustomize", dir.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(out.toFile())
                    .start();
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("kubectl kustomize " + directory + " failed: " + Files.readString(out));
            }
            List<ObjectNode> documents = parse(Files.readString(out));
            Files.delete(out);
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException("kubectl (with its built-in kustomize) is needed to render " + directory, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static List<ObjectNode> parse(String yaml) {
        List<ObjectNode> documents = new ArrayList<>();
        try (var parser = YAML.getFactory().createParser(yaml)) {
            for (var it = YAML.readValues(parser, JsonNode.class); it.hasNext(); ) {
                JsonNode document = it.next();
                if (document instanceof ObjectNode object) {
                    documents.add(object);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }

    static String kind(JsonNode document) {
        return document.path("kind").asText();
    }

    static String name(JsonNode document) {
        return document.path("metadata").path("name").asText();
    }

    /** "Kind/name", how problems name a document. */
    static String id(JsonNode document) {
        return kind(document) + "/" + name(document);
    }
}
