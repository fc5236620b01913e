package uk.gov.bristol.alp.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import uk.gov.bristol.alp.testing.stack.Http;
import uk.gov.bristol.alp.testing.stack.Stack;

/**
 * The gateway's one document ({@code /openapi/all}) against the services' own: every path each service documents
 * under a prefix the gateway routes to it is there, every reference resolves, no operationId repeats, and Spectral
 * with the build's ruleset finds nothing in it.
 */
final class MergedApiDocument {
    private static final List<String> SERVICES = List.of("registry", "panel", "placement", "finance", "notification");

    private MergedApiDocument() {}

    static void check(Stack stack, Path repo) throws IOException, InterruptedException {
        Http.Answer answer = Http.get(stack.gatewayUrl() + "/openapi/all", null);
        assertEquals(200, answer.status());
        JsonNode merged = answer.body();

        for (String service : SERVICES) {
            JsonNode own = Http.get(stack.serviceUrl(service) + "/q/openapi?format=json", null)
                    .body();
            List<String> missing = new ArrayList<>();
            own.path("paths").fieldNames().forEachRemaining(path -> {
                if (!path.startsWith("/api/v1/operations")
                        && !merged.path("paths").has(path)) {
                    missing.add(path);
                }
            });
            assertEquals(List.of(), missing, service + "'s paths missing from the merged document");
        }

        Set<String> ids = new HashSet<>();
        List<String> unresolved = new ArrayList<>();
        merged.path("paths")
                .forEach(item -> item.forEach(operation -> {
                    if (operation.has("operationId")) {
                        assertTrue(ids.add(operation.get("operationId").asText()), "operationId twice: " + operation);
                    }
                }));
        references(merged, merged, unresolved);
        assertEquals(List.of(), unresolved, "references that resolve to nothing");

        Path spectral = repo.resolve("api-clients/tooling/node_modules/.bin/spectral");
        assertTrue(Files.isExecutable(spectral), "Spectral is installed by the api-clients build: " + spectral);
        Path file = Files.createTempFile("alp-openapi-all", ".json");
        Files.writeString(file, merged.toString());
        Process lint = new ProcessBuilder(
                        spectral.toString(),
                        "lint",
                        "--ruleset",
                        repo.resolve("api-clients/tooling/.spectral.yaml").toString(),
                        "--fail-severity",
                        "warn",
                        file.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(lint.waitFor(120, TimeUnit.SECONDS), "Spectral did not finish");
        assertEquals(0, lint.exitValue(), output);
        Files.delete(file);
    }

    private static void references(JsonNode root, JsonNode node, List<String> unresolved) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith("#/")) {
                if (root.at(ref.asText().substring(1)).isMissingNode()) {
                    unresolved.add(ref.asText());
                }
            }
        }
        node.forEach(child -> references(root, child, unresolved));
    }
}
