package uk.gov.bristol.alp.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every manifest of deploy/kubernetes, as kustomize renders each overlay, is one the Kubernetes API and the
 * operators would accept and one ALP's rules allow; and each rule is shown to refuse a manifest that breaks it.
 */
class DeploymentManifestsTest {
    private static SchemaCheck schemas;
    private static List<ObjectNode> production;

    @BeforeAll
    static void render() {
        schemas = new SchemaCheck();
        production = Manifests.render("deploy/kubernetes/overlays/production");
    }

    private static List<String> schemaProblems(List<ObjectNode> documents) {
        return documents.stream().flatMap(d -> schemas.problems(d).stream()).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"deploy/kubernetes/overlays/production", "deploy/kubernetes/overlays/local"})
    void everyRenderedManifestIsValidForTheApiAndTheOperators(String overlay) {
        List<ObjectNode> documents = Manifests.render(overlay);
        assertTrue(documents.size() > 10, overlay + " renders " + documents.size() + " documents");
        assertEquals(List.of(), schemaProblems(documents));
    }

    @Test
    void productionKeepsAlpsRules() {
        assertEquals(List.of(), PolicyCheck.problems(production));
    }

    @Test
    void theLocalOverlayKeepsThemTooExceptWhatOneHostCannotHave() {
        // One host: no pod network, so no Ingress or operators; podman 4.3 mounts no emptyDir, so /tmp is writable.
        assertEquals(List.of(), PolicyCheck.problems(Manifests.render("deploy/kubernetes/overlays/local")));
    }

    @Test
    void productionRunsEverythingThroughItsOperatorsAndTheGatewayBehindTls() {
        Set<String> kinds = new TreeSet<>();
        production.forEach(d -> kinds.add(Manifests.kind(d)));
        assertTrue(
                kinds.containsAll(Set.of(
                        "Kafka",
                        "KafkaNodePool",
                        "KafkaTopic",
                        "KafkaUser",
                        "Cluster",
                        "ScheduledBackup",
                        "Keycloak",
                        "KeycloakRealmImport",
                        "Ingress",
                        "ServiceMonitor",
                        "PodDisruptionBudget",
                        "HorizontalPodAutoscaler")),
                kinds.toString());
        for (ObjectNode d : production) {
            switch (Manifests.kind(d)) {
                case "Deployment" ->
                    assertEquals(2, d.path("spec").path("replicas").asInt(), Manifests.id(d));
                case "KafkaTopic" -> {
                    assertEquals(3, d.path("spec").path("replicas").asInt(), Manifests.id(d));
                    assertEquals(
                            2,
                            d.path("spec")
                                    .path("config")
                                    .path("min.insync.replicas")
                                    .asInt(),
                            Manifests.id(d));
                }
                case "KafkaNodePool" ->
                    assertEquals(3, d.path("spec").path("replicas").asInt());
                case "Cluster" -> {
                    assertEquals(3, d.path("spec").path("instances").asInt(), Manifests.id(d));
                    assertTrue(d.path("spec").path("backup").has("barmanObjectStore"), Manifests.id(d));
                }
                case "Ingress" ->
                    assertEquals(
                            "alp-api-tls",
                            d.path("spec")
                                    .path("tls")
                                    .path(0)
                                    .path("secretName")
                                    .asText());
                case "ConfigMap" -> {
                    if (Manifests.name(d).equals("alp-common")) {
                        assertTrue(d.path("data").path("ALP_OIDC_URL").asText().startsWith("https://"));
                        assertEquals(
                                "SASL_SSL",
                                d.path("data")
                                        .path("ALP_KAFKA_SECURITY_PROTOCOL")
                                        .asText());
                    }
                }
                default -> {}
            }
        }
    }

    @Test
    void theProductionRealmHasTheDemoRealmsRolesAndClientsAndNothingSecret() throws IOException {
        JsonNode demo =
                Manifests.YAML.readTree(Files.readString(Manifests.repo().resolve("deploy/keycloak/alp-realm.json")));
        JsonNode realm = production.stream()
                .filter(d -> Manifests.kind(d).equals("KeycloakRealmImport"))
                .findFirst()
                .orElseThrow()
                .path("spec")
                .path("realm");
        assertEquals(
                names(demo.path("roles").path("realm"), "name"),
                names(realm.path("roles").path("realm"), "name"));
        // A school MIS and a provider system each get a client of their own in production (deploy/keycloak/README.md):
        // the demo realm's one of each is a worked example, not a client to ship.
        Set<String> shipped = names(demo.path("clients"), "clientId");
        shipped.removeIf(id -> id.startsWith("mis-school-") || id.startsWith("provider-system-"));
        assertEquals(shipped, names(realm.path("clients"), "clientId"));
        assertEquals("all", realm.path("sslRequired").asText());
        for (JsonNode client : realm.path("clients")) {
            assertTrue(
                    client.path("secret").isMissingNode(),
                    client.path("clientId").asText());
        }
    }

    private static Set<String> names(JsonNode items, String field) {
        Set<String> names = new TreeSet<>();
        items.forEach(i -> names.add(i.path(field).asText()));
        return names;
    }

    // Each rule refuses what breaks it: the production manifests with one thing changed.

    @Test
    void aFieldTheKubernetesTypeDoesNotHaveIsRefused() {
        assertRefused(
                "Deployment",
                "placement-service",
                d -> pod(d).put("hostNetwrok", true),
                "unknown field(s) [hostNetwrok]");
    }

    @Test
    void aValueOfTheWrongTypeIsRefused() {
        assertRefused("Deployment", "gateway", d -> ((ObjectNode) d.path("spec")).put("replicas", "two"), "replicas");
    }

    @Test
    void anOperatorResourceTheCrdRefusesIsRefused() {
        assertRefused(
                "KafkaTopic",
                "alp-placements-v1",
                d -> ((ObjectNode) d.path("spec")).put("partitions", "six"),
                "partitions");
        assertRefused(
                "Cluster", "alp-placement-db", d -> ((ObjectNode) d.path("spec")).put("instancez", 3), "instancez");
    }

    private static void assertRefused(String kind, String name, Consumer<ObjectNode> change, String expected) {
        List<ObjectNode> changed = changed(kind, name, change);
        List<String> problems = schemaProblems(changed);
        assertTrue(
                problems.stream().anyMatch(p -> p.contains(kind + "/" + name) && p.contains(expected)),
                "expected a problem naming " + expected + ", got " + problems);
    }

    @Test
    void aLiteralSecretIsRefused() {
        assertPolicy(
                changed(
                        "Deployment",
                        "finance-service",
                        d -> env(d).addObject().put("name", "ALP_DB_PASSWORD").put("value", "hunter2")),
                "ALP_DB_PASSWORD has a literal value");
        List<ObjectNode> withSecret = new ArrayList<>(production);
        withSecret.add((ObjectNode)
                Manifests.parse("{apiVersion: v1, kind: Secret, metadata: {name: db}, stringData: {password: x}}")
                        .get(0));
        assertPolicy(withSecret, "Secret/db: a literal Secret");
        assertPolicy(
                changed("ConfigMap", "alp-common", d -> ((ObjectNode) d.path("data")).put("ALP_DB_PASSWORD", "x")),
                "ALP_DB_PASSWORD looks secret");
        assertPolicy(
                changed(
                        "KeycloakRealmImport",
                        "alp-realm",
                        d -> ((ObjectNode) d.path("spec")
                                        .path("realm")
                                        .path("clients")
                                        .path(1))
                                .put("secret", "partner-demo-secret")),
                "a literal secret");
    }

    @Test
    void aContainerWithoutProbesOrLimitsIsRefused() {
        assertPolicy(
                changed("Deployment", "placement-service", d -> container(d).remove("readinessProbe")),
                "Deployment/placement-service container placement-service: no readinessProbe");
        assertPolicy(
                changed("Deployment", "gateway", d -> ((ObjectNode) container(d).path("resources")).remove("limits")),
                "Deployment/gateway container gateway: no resources.limits.memory");
    }

    @Test
    void aWorkloadWithoutItsNetworkPolicyIsRefused() {
        List<ObjectNode> without = production.stream()
                .filter(d -> !(Manifests.kind(d).equals("NetworkPolicy")
                        && Manifests.name(d).equals("finance-service")))
                .toList();
        assertPolicy(without, "Deployment/finance-service: no NetworkPolicy selects its pods");
        assertPolicy(
                production.stream()
                        .filter(d -> !(Manifests.kind(d).equals("NetworkPolicy")
                                && Manifests.name(d).equals("alp-finance-db")))
                        .toList(),
                "Cluster/alp-finance-db: no NetworkPolicy selects its pods");
    }

    @Test
    void aServiceOpenToAnythingButTheGatewayIsRefused() {
        assertPolicy(
                changed(
                        "NetworkPolicy",
                        "placement-service",
                        d -> ((ArrayNode) d.path("spec").path("ingress"))
                                .addObject()
                                .putArray("from")
                                .addObject()
                                .putObject("podSelector")),
                "NetworkPolicy/placement-service: lets");
        assertPolicy(
                changed("Service", "placement-service", d -> ((ObjectNode) d.path("spec")).put("type", "NodePort")),
                "Service/placement-service: type NodePort");
    }

    private static void assertPolicy(List<ObjectNode> documents, String expected) {
        List<String> problems = PolicyCheck.problems(documents);
        assertTrue(
                problems.stream().anyMatch(p -> p.contains(expected)),
                "expected a problem naming " + expected + ", got " + problems);
    }

    /** The production manifests with a copy of one document changed. */
    private static List<ObjectNode> changed(String kind, String name, Consumer<ObjectNode> change) {
        List<ObjectNode> documents = new ArrayList<>();
        boolean found = false;
        for (ObjectNode d : production) {
            if (Manifests.kind(d).equals(kind) && Manifests.name(d).equals(name)) {
                ObjectNode copy = d.deepCopy();
                change.accept(copy);
                documents.add(copy);
                found = true;
            } else {
                documents.add(d);
            }
        }
        assertTrue(found, kind + "/" + name + " is not in the production manifests");
        return documents;
    }

    private static ObjectNode pod(ObjectNode deployment) {
        return (ObjectNode) deployment.path("spec").path("template").path("spec");
    }

    private static ObjectNode container(ObjectNode deployment) {
        return (ObjectNode) pod(deployment).path("containers").path(0);
    }

    private static ArrayNode env(ObjectNode deployment) {
        return (ArrayNode) container(deployment).path("env");
    }
}
