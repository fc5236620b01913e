package uk.gov.bristol.alp.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Whether each manifest is one the API server would accept as written. Kubernetes kinds are read into the fabric8
 * model (the Kubernetes API's types): a wrong type fails to read, and a field the type does not have lands in the
 * model's "additional properties", which is refused here (as {@code kubectl apply --validate=strict} refuses it). The
 * operators' resources are validated against the openAPIV3Schema of their CRDs (test resources crds/), made strict
 * the same way: an object schema refuses fields it does not list unless it says it keeps unknown fields.
 */
final class SchemaCheck {
    private record CoreKind(String apiVersion, Class<?> type) {}

    private static final Map<String, CoreKind> CORE = Map.of(
            "Namespace", new CoreKind("v1", Namespace.class),
            "ConfigMap", new CoreKind("v1", ConfigMap.class),
            "Secret", new CoreKind("v1", Secret.class),
            "Service", new CoreKind("v1", Service.class),
            "Deployment", new CoreKind("apps/v1", Deployment.class),
            "PodDisruptionBudget", new CoreKind("policy/v1", PodDisruptionBudget.class),
            "HorizontalPodAutoscaler", new CoreKind("autoscaling/v2", HorizontalPodAutoscaler.class),
            "NetworkPolicy", new CoreKind("networking.k8s.io/v1", NetworkPolicy.class),
            "Ingress", new CoreKind("networking.k8s.io/v1", Ingress.class));

    private static final List<String> CRD_FILES = List.of(
            "strimzi-kafka.yaml",
            "strimzi-kafkatopic.yaml",
            "strimzi-kafkauser.yaml",
            "strimzi-kafkanodepool.yaml",
            "cnpg-cluster.yaml",
            "cnpg-scheduledbackup.yaml",
            "keycloak.yaml",
            "keycloak-realmimport.yaml",
            "prometheus-operator-servicemonitor.yaml");

    private final ObjectMapper json = new ObjectMapper();
    /** "group/version Kind" of every served CRD version, to its strict schema. */
    private final Map<String, JsonSchema> crds = new HashMap<>();

    SchemaCheck() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
        for (String file : CRD_FILES) {
            try (InputStream in = SchemaCheck.class.getResourceAsStream("/crds/" + file)) {
                JsonNode crd = Manifests.YAML.readTree(in);
                String group = crd.path("spec").path("group").asText();
                String kind = crd.path("spec").path("names").path("kind").asText();
                for (JsonNode version : crd.path("spec").path("versions")) {
                    if (version.path("served").asBoolean()) {
                        ObjectNode schema =
                                version.path("schema").path("openAPIV3Schema").deepCopy();
                        // Every object has these, whether or not a CRD's schema lists them (Keycloak's does not).
                        ObjectNode top = schema.get("properties") instanceof ObjectNode listed
                                ? listed
                                : schema.putObject("properties");
                        top.putIfAbsent("apiVersion", json.createObjectNode().put("type", "string"));
                        top.putIfAbsent("kind", json.createObjectNode().put("type", "string"));
                        top.putIfAbsent("metadata", json.createObjectNode().put("type", "object"));
                        strict(schema);
                        crds.put(group + "/" + version.path("name").asText() + " " + kind, factory.getSchema(schema));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(file, e);
            }
        }
    }

    /** What the API server would refuse in this document, each problem naming the document and the field. */
    List<String> problems(ObjectNode document) {
        String kind = Manifests.kind(document);
        String apiVersion = document.path("apiVersion").asText();
        CoreKind core = CORE.get(kind);
        if (core != null) {
            if (!core.apiVersion().equals(apiVersion)) {
                return List.of(Manifests.id(document) + ": apiVersion " + apiVersion + " is not " + core.apiVersion());
            }
            return coreProblems(document, core.type());
        }
        JsonSchema schema = crds.get(apiVersion + " " + kind);
        if (schema == null) {
            return List.of(Manifests.id(document) + ": no schema for " + apiVersion + " " + kind);
        }
        List<String> problems = new ArrayList<>();
        for (ValidationMessage message : schema.validate(document)) {
            problems.add(Manifests.id(document) + ": " + message.getMessage());
        }
        return problems;
    }

    private List<String> coreProblems(ObjectNode document, Class<?> type) {
        Object model;
        try {
            model = json.treeToValue(document, type);
        } catch (JsonMappingException e) {
            String field = e.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            return List.of(Manifests.id(document) + ": " + field + ": " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            return List.of(Manifests.id(document) + ": " + e.getOriginalMessage());
        }
        List<String> problems = new ArrayList<>();
        unknownFields(model, Manifests.id(document), problems);
        return problems;
    }

    /** Every field the model kept as an "additional property", that is, a field its Kubernetes type does not have. */
    private static void unknownFields(Object value, String path, List<String> problems) {
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + i++ + "]", problems);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> unknownFields(v, path + "." + k, problems));
            return;
        }
        if (value == null || !value.getClass().getPackageName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0
                    || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get")
                    || getter.getName().equals("getClass")) {
                continue;
            }
            Object field;
            try {
                field = getter.invoke(value);
            } catch (ReflectiveOperationException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (field instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    problems.add(path + ": unknown field(s) " + extra.keySet());
                }
                continue;
            }
            String name = Character.toLowerCase(getter.getName().charAt(3))
                    + getter.getName().substring(4);
            unknownFields(field, path + "." + name, problems);
        }
    }

    /** An OpenAPI schema as the API server applies it: no field an object schema does not list. */
    static JsonNode strict(JsonNode schema) {
        if (schema instanceof ObjectNode object) {
            boolean keepsUnknown =
                    object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
            if (object.has("properties") && !object.has("additionalProperties") && !keepsUnknown) {
                object.put("additionalProperties", false);
            }
            for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
                if (names.next().startsWith("x-kubernetes-")) {
                    names.remove();
                }
            }
            object.fields().forEachRemaining(e -> {
                if (!e.getKey().equals("properties")) {
                    strict(e.getValue());
                }
            });
            object.path("properties").forEach(SchemaCheck::strict);
        } else if (schema != null && schema.isArray()) {
            schema.forEach(SchemaCheck::strict);
        }
        return schema;
    }
}
