package uk.gov.bristol.alp.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Malformed requests made from an OpenAPI document: for each operation, a request that is well formed by its
 * schema, then variants that break it one way each (wrong types, missing required fields, unknown fields, huge
 * strings, deep nesting, impossible dates, wrong shapes, malformed parameters and headers).
 */
final class OpenApiFuzz {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HUGE = "x".repeat(100_000);

    /** One request to send: method, path with its query, headers, body (null for none). */
    record Probe(
            String operation, String variant, String method, String path, Map<String, String> headers, String body) {}

    private final JsonNode document;

    OpenApiFuzz(JsonNode document) {
        this.document = document;
    }

    /** The operations of the document, each as a well-formed probe (the baseline) followed by its variants. */
    List<List<Probe>> probes() {
        List<List<Probe>> all = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths =
                        document.path("paths").fields();
                paths.hasNext(); ) {
            var path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                var op = ops.next();
                String method = op.getKey().toUpperCase();
                if (!List.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method)) {
                    continue;
                }
                all.add(probesOf(method, path.getKey(), op.getValue()));
            }
        }
        return all;
    }

    private List<Probe> probesOf(String method, String template, JsonNode op) {
        String name = method + " " + template;
        List<JsonNode> parameters = new ArrayList<>();
        op.path("parameters").forEach(p -> parameters.add(resolve(p)));
        Map<String, String> good = new LinkedHashMap<>();
        parameters.forEach(p -> good.put(p.path("name").asText(), scalar(resolve(p.path("schema")))));
        JsonNode bodySchema = resolve(
                op.path("requestBody").path("content").path("application/json").path("schema"));
        String body = bodySchema.isMissingNode() ? null : write(valid(bodySchema, 0));
        List<Probe> probes = new ArrayList<>();
        probes.add(probe(name, "well formed", method, template, parameters, good, Map.of(), body));
        for (JsonNode p : parameters) {
            String param = p.path("name").asText();
            for (String bad : List.of(
                    "not-a-" + type(resolve(p.path("schema"))),
                    "2024-02-30",
                    "-1",
                    "99999999999999999999",
                    HUGE.substring(0, 5000))) {
                Map<String, String> values = new LinkedHashMap<>(good);
                values.put(param, bad);
                probes.add(probe(
                        name,
                        "parameter " + param + "=" + abbreviate(bad),
                        method,
                        template,
                        parameters,
                        values,
                        Map.of(),
                        body));
            }
        }
        probes.add(probe(
                name,
                "If-Match garbage",
                method,
                template,
                parameters,
                good,
                Map.of("If-Match", "\"v-nope\"\u0001"),
                body));
        probes.add(probe(
                name,
                "Idempotency-Key of 300",
                method,
                template,
                parameters,
                good,
                Map.of("Idempotency-Key", "k".repeat(300)),
                body));
        if (body != null) {
            for (var variant : bodyVariants(bodySchema).entrySet()) {
                probes.add(probe(
                        name, variant.getKey(), method, template, parameters, good, Map.of(), variant.getValue()));
            }
            probes.add(probe(
                    name,
                    "text/plain body",
                    method,
                    template,
                    parameters,
                    good,
                    Map.of("Content-Type", "text/plain"),
                    body));
        }
        return probes;
    }

    private Map<String, String> bodyVariants(JsonNode schema) {
        Map<String, String> variants = new LinkedHashMap<>();
        JsonNode valid = valid(schema, 0);
        variants.put("empty object", "{}");
        variants.put("array instead of object", "[" + write(valid) + "]");
        variants.put("string instead of object", "\"text\"");
        variants.put("null body", "null");
        variants.put(
                "truncated JSON",
                write(valid).substring(0, Math.max(1, write(valid).length() / 2)));
        variants.put("nested 1,001 deep", "[".repeat(1001) + "]".repeat(1001));
        variants.put("object nested 600 deep", "{\"a\":".repeat(600) + "1" + "}".repeat(600));
        if (valid instanceof ObjectNode object) {
            ObjectNode unknown = object.deepCopy();
            unknown.put("unexpectedField", "x");
            variants.put("unknown field", write(unknown));
            JsonNode properties = schema.path("properties");
            for (Iterator<String> names = properties.fieldNames(); names.hasNext(); ) {
                String field = names.next();
                JsonNode fieldSchema = resolve(properties.path(field));
                for (var bad : wrongValues(fieldSchema).entrySet()) {
                    ObjectNode broken = object.deepCopy();
                    broken.set(field, bad.getValue());
                    variants.put(field + ": " + bad.getKey(), write(broken));
                }
            }
        }
        return variants;
    }

    private Map<String, JsonNode> wrongValues(JsonNode schema) {
        Map<String, JsonNode> wrong = new LinkedHashMap<>();
        wrong.put("object", NODES.objectNode().put("k", "v"));
        wrong.put("array", NODES.arrayNode().add(1).add(2));
        wrong.put("huge string", NODES.textNode(HUGE));
        wrong.put("impossible date", NODES.textNode("2024-02-30"));
        wrong.put("boolean", NODES.booleanNode(true));
        wrong.put("huge number", NODES.numberNode(new BigDecimal("1e400")));
        if (!"string".equals(type(schema))) {
            wrong.put("text", NODES.textNode("not-a-" + type(schema)));
        }
        return wrong;
    }

    private JsonNode valid(JsonNode schema, int depth) {
        schema = resolve(schema);
        if (depth > 6) {
            return NODES.nullNode();
        }
        if (schema.has("enum")) {
            return schema.path("enum").get(0);
        }
        if (schema.has("allOf")) {
            return valid(schema.path("allOf").get(0), depth);
        }
        switch (type(schema)) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                schema.path("properties")
                        .fields()
                        .forEachRemaining(f -> object.set(f.getKey(), valid(f.getValue(), depth + 1)));
                return object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                array.add(valid(schema.path("items"), depth + 1));
                return array;
            }
            case "integer" -> {
                return NODES.numberNode(1);
            }
            case "number" -> {
                return NODES.textNode("1.00");
            }
            case "boolean" -> {
                return NODES.booleanNode(true);
            }
            default -> {
                return NODES.textNode(scalar(schema));
            }
        }
    }

    private String scalar(JsonNode schema) {
        if (schema.has("enum")) {
            return schema.path("enum").get(0).asText();
        }
        return switch (schema.path("format").asText()) {
            case "date" -> LocalDate.now().toString();
            case "date-time" -> OffsetDateTime.now().toString();
            case "uuid" -> UUID.randomUUID().toString();
            default ->
                switch (type(schema)) {
                    case "integer", "number" -> "1";
                    case "boolean" -> "true";
                    default -> "text";
                };
        };
    }

    private static String type(JsonNode schema) {
        if (schema.has("type")) {
            return schema.path("type").asText();
        }
        return schema.has("properties") ? "object" : "string";
    }

    private JsonNode resolve(JsonNode node) {
        for (int hops = 0; node.has("$ref") && hops < 10; hops++) {
            String ref = node.path("$ref").asText();
            node = document.at(ref.substring(1));
        }
        return node;
    }

    private static Probe probe(
            String operation,
            String variant,
            String method,
            String template,
            List<JsonNode> parameters,
            Map<String, String> values,
            Map<String, String> headers,
            String body) {
        String path = template;
        StringBuilder query = new StringBuilder();
        for (JsonNode p : parameters) {
            String name = p.path("name").asText();
            String value = URLEncoder.encode(values.get(name), StandardCharsets.UTF_8);
            switch (p.path("in").asText()) {
                case "path" -> path = path.replace("{" + name + "}", value);
                case "query" ->
                    query.append(query.isEmpty() ? "?" : "&")
                            .append(name)
                            .append('=')
                            .append(value);
                default -> {}
            }
        }
        return new Probe(operation, variant, method, path + query, headers, body);
    }

    private static String abbreviate(String value) {
        return value.length() > 24 ? value.substring(0, 10) + "...(" + value.length() + ")" : value;
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
