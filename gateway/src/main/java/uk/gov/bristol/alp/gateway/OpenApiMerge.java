package uk.gov.bristol.alp.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The services' OpenAPI documents as one, for the API as the gateway publishes it ({@code /openapi/all}): every path
 * the gateway routes to the service that documents it (RouteTable), and each service's schemas, tags and the one
 * security scheme. A schema name two services use for different shapes is prefixed with the service's name in that
 * service's part (and every reference to it rewritten); so is an operationId two services share.
 */
final class OpenApiMerge {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCHEMA_REF = "#/components/schemas/";

    private OpenApiMerge() {}

    /**
     * {@code documents}: each upstream's document by its name in the route table, in a stable order; {@code server}:
     * where the gateway is, as its callers reach it.
     */
    static ObjectNode merge(Map<String, JsonNode> documents, String server) {
        JsonNode first = documents.values().iterator().next();
        String version = first.path("info").path("version").asText("1.0.0");
        Map<String, Set<String>> clashingSchemas = clashes(documents);
        Set<String> operationIds = new HashSet<>();
        Set<String> sharedIds = sharedOperationIds(documents);

        ObjectNode merged = JSON.createObjectNode();
        merged.put("openapi", first.path("openapi").asText("3.1.0"));
        merged.putObject("info")
                .put("title", "ALP API")
                .put("version", version)
                .put(
                        "description",
                        "Every service's API as the gateway publishes it. Each service's own document is at "
                                + "/openapi/{service}.");
        if (first.path("info").has("contact")) {
            ((ObjectNode) merged.get("info")).set("contact", first.path("info").path("contact"));
        }
        merged.putArray("servers").addObject().put("url", server).put("description", "this gateway");
        ObjectNode paths = merged.putObject("paths");
        ObjectNode schemas = merged.putObject("components").putObject("schemas");
        ObjectNode schemes = ((ObjectNode) merged.get("components")).putObject("securitySchemes");
        Map<String, JsonNode> tags = new LinkedHashMap<>();

        documents.forEach((service, original) -> {
            JsonNode document = original.deepCopy();
            Map<String, String> renames = new HashMap<>();
            clashingSchemas.getOrDefault(service, Set.of()).forEach(name -> renames.put(name, prefixed(service, name)));
            rewriteRefs(document, renames);
            document.path("paths").fields().forEachRemaining(path -> {
                if (routed(service, path.getKey())) {
                    renameSharedOperationIds(service, path.getValue(), sharedIds, operationIds);
                    paths.set(path.getKey(), path.getValue());
                }
            });
            document.path("components")
                    .path("schemas")
                    .fields()
                    .forEachRemaining(schema ->
                            schemas.set(renames.getOrDefault(schema.getKey(), schema.getKey()), schema.getValue()));
            document.path("components")
                    .path("securitySchemes")
                    .fields()
                    .forEachRemaining(scheme -> schemes.set(scheme.getKey(), scheme.getValue()));
            document.path("tags")
                    .forEach(tag -> tags.putIfAbsent(tag.path("name").asText(), tag));
        });
        ArrayNode tagList = merged.putArray("tags");
        tags.values().forEach(tagList::add);
        keepOnlyUsed(schemas, paths);
        return merged;
    }

    /** Drops the schemas no kept path reaches (those of paths the gateway does not route). */
    private static void keepOnlyUsed(ObjectNode schemas, JsonNode paths) {
        Set<String> used = new HashSet<>();
        Deque<JsonNode> pending = new ArrayDeque<>(List.of(paths));
        while (!pending.isEmpty()) {
            for (String name : refs(pending.pop())) {
                if (used.add(name) && schemas.has(name)) {
                    pending.push(schemas.get(name));
                }
            }
        }
        schemas.retain(used);
    }

    private static Set<String> refs(JsonNode node) {
        Set<String> found = new HashSet<>();
        if (node.isObject() && node.path("$ref").asText().startsWith(SCHEMA_REF)) {
            found.add(node.get("$ref").asText().substring(SCHEMA_REF.length()));
        }
        node.forEach(child -> found.addAll(refs(child)));
        return found;
    }

    /** Per service, the schema names another service also defines with a different shape. */
    private static Map<String, Set<String>> clashes(Map<String, JsonNode> documents) {
        Map<String, Map<String, JsonNode>> byName = new HashMap<>();
        documents.forEach((service, document) -> document.path("components")
                .path("schemas")
                .fields()
                .forEachRemaining(s -> byName.computeIfAbsent(s.getKey(), k -> new LinkedHashMap<>())
                        .put(service, s.getValue())));
        Map<String, Set<String>> clashes = new HashMap<>();
        byName.forEach((name, shapes) -> {
            if (shapes.values().stream().distinct().count() > 1) {
                shapes.keySet()
                        .forEach(service -> clashes.computeIfAbsent(service, k -> new HashSet<>())
                                .add(name));
            }
        });
        return clashes;
    }

    /** The operationIds more than one service uses on a path the gateway routes to it. */
    private static Set<String> sharedOperationIds(Map<String, JsonNode> documents) {
        Map<String, Integer> seen = new HashMap<>();
        documents.forEach((service, document) -> document.path("paths").fields().forEachRemaining(path -> {
            if (routed(service, path.getKey())) {
                path.getValue().forEach(operation -> {
                    if (operation.has("operationId")) {
                        seen.merge(operation.get("operationId").asText(), 1, Integer::sum);
                    }
                });
            }
        }));
        Set<String> shared = new HashSet<>();
        seen.forEach((id, count) -> {
            if (count > 1) {
                shared.add(id);
            }
        });
        return shared;
    }

    /** Whether the gateway sends {@code path} to {@code service} (RouteTable). */
    private static boolean routed(String service, String path) {
        return RouteTable.match(path).filter(r -> r.upstream().equals(service)).isPresent();
    }

    private static void renameSharedOperationIds(
            String service, JsonNode pathItem, Set<String> shared, Set<String> used) {
        pathItem.forEach(operation -> {
            if (operation instanceof ObjectNode o && o.has("operationId")) {
                String id = o.get("operationId").asText();
                String unique =
                        shared.contains(id) ? service + Character.toUpperCase(id.charAt(0)) + id.substring(1) : id;
                if (!used.add(unique)) {
                    throw new IllegalStateException("operationId " + unique + " twice in the merged document");
                }
                o.put("operationId", unique);
            }
        });
    }

    private static String prefixed(String service, String name) {
        return Character.toUpperCase(service.charAt(0)) + service.substring(1) + name;
    }

    /** Rewrites every {@code $ref} to a renamed schema, anywhere in the document. */
    private static void rewriteRefs(JsonNode node, Map<String, String> renames) {
        if (renames.isEmpty()) {
            return;
        }
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith(SCHEMA_REF)) {
                String name = ref.asText().substring(SCHEMA_REF.length());
                if (renames.containsKey(name)) {
                    object.set("$ref", TextNode.valueOf(SCHEMA_REF + renames.get(name)));
                }
            }
            for (Iterator<JsonNode> children = object.elements(); children.hasNext(); ) {
                rewriteRefs(children.next(), renames);
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(child -> rewriteRefs(child, renames));
        }
    }
}
