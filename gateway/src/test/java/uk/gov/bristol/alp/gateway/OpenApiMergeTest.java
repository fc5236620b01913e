package uk.gov.bristol.alp.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Two services' documents as one: only routed paths, clashing schema names and operationIds told apart. */
class OpenApiMergeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode document(String json) throws Exception {
        return JSON.readTree(json.replace('\'', '"'));
    }

    @Test
    void keepsWhatTheGatewayRoutesAndTellsClashingNamesApart() throws Exception {
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        documents.put("registry", document("""
                {'openapi': '3.1.0', 'info': {'version': '1.0.0'},
                 'tags': [{'name': 'Providers'}],
                 'paths': {
                   '/api/v1/providers/{id}': {'get': {'operationId': 'providerRead',
                       'responses': {'200': {'content': {'application/json':
                           {'schema': {'$ref': '#/components/schemas/View'}}}}}}},
                   '/api/v1/operations/parked-events': {'get': {'operationId': 'parkedEventList'}}},
                 'components': {'schemas': {'View': {'type': 'object', 'properties': {'ukprn': {}}},
                                            'UUID': {'type': 'string', 'format': 'uuid'}},
                                'securitySchemes': {'keycloak': {'type': 'oauth2'}}}}"""));
        documents.put("placement", document("""
                {'openapi': '3.1.0', 'info': {'version': '1.0.0'},
                 'tags': [{'name': 'Placements'}, {'name': 'Providers'}],
                 'paths': {
                   '/api/v1/placements/{id}': {'get': {'operationId': 'providerRead',
                       'responses': {'200': {'content': {'application/json':
                           {'schema': {'$ref': '#/components/schemas/View'}}}}}}},
                   '/api/v1/providers/elsewhere': {'get': {'operationId': 'stray'}}},
                 'components': {'schemas': {'View': {'type': 'object', 'properties': {'upn': {}}},
                                            'UUID': {'type': 'string', 'format': 'uuid'}},
                                'securitySchemes': {'keycloak': {'type': 'oauth2'}}}}"""));

        ObjectNode merged = OpenApiMerge.merge(documents, "https://alp.example.gov.uk");

        assertEquals(2, merged.path("paths").size(), merged.path("paths").toString());
        assertFalse(merged.path("paths").has("/api/v1/operations/parked-events"), "not routed by the gateway");
        assertFalse(merged.path("paths").has("/api/v1/providers/elsewhere"), "routed to the registry, not placement");
        JsonNode schemas = merged.at("/components/schemas");
        assertTrue(schemas.has("RegistryView") && schemas.has("PlacementView") && !schemas.has("View"));
        assertFalse(schemas.has("UUID"), "no kept path uses it");
        assertEquals("https://alp.example.gov.uk", merged.at("/servers/0/url").asText());
        assertEquals(
                "#/components/schemas/PlacementView",
                merged.at("/paths/~1api~1v1~1placements~1{id}/get/responses/200/content/application~1json/schema/$ref")
                        .asText());
        assertEquals(
                "placementProviderRead",
                merged.at("/paths/~1api~1v1~1placements~1{id}/get/operationId").asText());
        assertEquals(
                "registryProviderRead",
                merged.at("/paths/~1api~1v1~1providers~1{id}/get/operationId").asText());
        assertEquals(2, merged.path("tags").size());
        assertTrue(merged.at("/components/securitySchemes").has("keycloak"));
    }
}
