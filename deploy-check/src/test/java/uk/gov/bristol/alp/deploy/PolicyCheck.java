package uk.gov.bristol.alp.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * ALP's own rules for what may be deployed (docs/deployment.md): no secret written into a manifest, every
 * container with its three probes and its resource requests and memory limit, hardened like the base, every
 * workload (the Deployments, the PostgreSQL clusters, Keycloak) selected by a NetworkPolicy of its own, each service
 * reachable only from the gateway, and nothing but the gateway exposed outside the cluster.
 */
final class PolicyCheck {
    /** Names of settings that hold secrets: never with a literal value in a manifest. */
    static final Pattern SECRET_NAME =
            Pattern.compile("(?i).*(password|secret|token|jaas|private[_.-]?key|credential).*");
    /** Fields that hold a secret value itself (a reference to a Secret is an object, never a string). */
    private static final Pattern SECRET_FIELD = Pattern.compile("(?i)(password|secret|clientSecret|token)");

    private PolicyCheck() {}

    static List<String> problems(List<ObjectNode> documents) {
        List<String> problems = new ArrayList<>();
        for (ObjectNode document : documents) {
            switch (Manifests.kind(document)) {
                case "Secret" -> {
                    if (document.has("data") || document.has("stringData")) {
                        problems.add(Manifests.id(document) + ": a literal Secret (Secrets come from the operators "
                                + "or are made outside the repository)");
                    }
                }
                case "ConfigMap" ->
                    document.path("data").fieldNames().forEachRemaining(key -> {
                        if (SECRET_NAME.matcher(key).matches()) {
                            problems.add(Manifests.id(document) + ": " + key + " looks secret: a ConfigMap holds none");
                        }
                    });
                case "Deployment" -> deployment(document, problems);
                case "Service" -> {
                    String type = document.path("spec").path("type").asText("ClusterIP");
                    if (!type.equals("ClusterIP")) {
                        problems.add(Manifests.id(document) + ": type " + type + " (only the Ingress faces outside)");
                    }
                }
                case "Ingress" ->
                    document.path("spec")
                            .path("rules")
                            .forEach(rule -> rule.path("http").path("paths").forEach(path -> {
                                String backend = path.path("backend")
                                        .path("service")
                                        .path("name")
                                        .asText();
                                if (!backend.equals("gateway")) {
                                    problems.add(
                                            Manifests.id(document) + ": routes to " + backend + ", not the gateway");
                                }
                            }));
                case "KeycloakRealmImport" -> realm(document, problems);
                default -> {}
            }
            literalSecrets(document.path("spec"), Manifests.id(document) + ".spec", problems);
        }
        networkPolicies(documents, problems);
        return problems;
    }

    private static void deployment(ObjectNode document, List<String> problems) {
        String id = Manifests.id(document);
        JsonNode pod = document.path("spec").path("template").path("spec");
        if (!pod.path("securityContext").path("runAsNonRoot").asBoolean()) {
            problems.add(id + ": pods must run as non-root (securityContext.runAsNonRoot)");
        }
        for (JsonNode container : pod.path("containers")) {
            String c = id + " container " + container.path("name").asText();
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                if (!container.has(probe)) {
                    problems.add(c + ": no " + probe);
                }
            }
            JsonNode resources = container.path("resources");
            for (String needed : List.of("requests.cpu", "requests.memory", "limits.memory")) {
                String[] parts = needed.split("\\.");
                if (resources.path(parts[0]).path(parts[1]).isMissingNode()) {
                    problems.add(c + ": no resources." + needed);
                }
            }
            JsonNode security = container.path("securityContext");
            if (security.path("allowPrivilegeEscalation").asBoolean(true)) {
                problems.add(c + ": privilege escalation allowed");
            }
            if (!security.path("capabilities").path("drop").toString().contains("\"ALL\"")) {
                problems.add(c + ": capabilities not dropped (drop: [ALL])");
            }
            for (JsonNode env : container.path("env")) {
                String name = env.path("name").asText();
                if (env.hasNonNull("value")
                        && !env.path("value").asText().isEmpty()
                        && SECRET_NAME.matcher(name).matches()) {
                    problems.add(c + ": " + name + " has a literal value (use secretKeyRef)");
                }
            }
        }
    }

    /** A string-valued secret field anywhere in a resource's spec (a client secret in a realm, a password). */
    private static void literalSecrets(JsonNode node, String path, List<String> problems) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                var field = it.next();
                if (SECRET_FIELD.matcher(field.getKey()).matches()
                        && field.getValue().isTextual()) {
                    problems.add(path + "." + field.getKey() + ": a literal secret");
                } else if (field.getKey().equals("credentials")
                        && field.getValue().size() > 0) {
                    problems.add(path + ".credentials: literal credentials");
                } else {
                    literalSecrets(field.getValue(), path + "." + field.getKey(), problems);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                literalSecrets(node.get(i), path + "[" + i + "]", problems);
            }
        }
    }

    /** The production realm: no person, no password grant, no client secret. */
    private static void realm(ObjectNode document, List<String> problems) {
        JsonNode realm = document.path("spec").path("realm");
        for (JsonNode user : realm.path("users")) {
            if (!user.has("serviceAccountClientId")) {
                problems.add(Manifests.id(document) + ": user "
                        + user.path("username").asText() + " in the realm");
            }
        }
        for (JsonNode client : realm.path("clients")) {
            if (client.path("directAccessGrantsEnabled").asBoolean(false)) {
                problems.add(Manifests.id(document) + ": client "
                        + client.path("clientId").asText() + " allows password grants");
            }
        }
    }

    /** Pods' labels of every workload, by the workload's id. */
    private static Map<String, Map<String, String>> workloads(List<ObjectNode> documents) {
        Map<String, Map<String, String>> pods = new HashMap<>();
        for (ObjectNode document : documents) {
            switch (Manifests.kind(document)) {
                case "Deployment" ->
                    pods.put(
                            Manifests.id(document),
                            labels(document.path("spec")
                                    .path("template")
                                    .path("metadata")
                                    .path("labels")));
                case "Cluster" -> pods.put(Manifests.id(document), Map.of("cnpg.io/cluster", Manifests.name(document)));
                case "Keycloak" -> pods.put(Manifests.id(document), Map.of("app", "keycloak"));
                default -> {}
            }
        }
        return pods;
    }

    private static void networkPolicies(List<ObjectNode> documents, List<String> problems) {
        List<ObjectNode> policies = documents.stream()
                .filter(d -> Manifests.kind(d).equals("NetworkPolicy"))
                .toList();
        workloads(documents).forEach((workload, labels) -> {
            List<ObjectNode> own = policies.stream()
                    .filter(p -> {
                        Map<String, String> selector =
                                labels(p.path("spec").path("podSelector").path("matchLabels"));
                        return !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
                    })
                    .toList();
            if (own.isEmpty()) {
                problems.add(workload + ": no NetworkPolicy selects its pods");
            }
            boolean service = "api".equals(labels.get("app.kubernetes.io/component"));
            for (ObjectNode policy : service ? own : List.<ObjectNode>of()) {
                for (JsonNode rule : policy.path("spec").path("ingress")) {
                    for (JsonNode from : rule.path("from")) {
                        boolean gateway = "gateway"
                                .equals(from.path("podSelector")
                                        .path("matchLabels")
                                        .path("app.kubernetes.io/name")
                                        .asText());
                        boolean monitoring = from.path("namespaceSelector")
                                .path("matchLabels")
                                .has("alp.bristol.gov.uk/monitoring");
                        if (!gateway && !monitoring) {
                            problems.add(Manifests.id(policy) + ": lets " + from + " reach " + workload
                                    + " (only the gateway, and monitoring, may)");
                        }
                    }
                }
            }
        });
    }

    private static Map<String, String> labels(JsonNode node) {
        Map<String, String> labels = new HashMap<>();
        node.fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }
}
