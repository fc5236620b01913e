package uk.gov.bristol.alp.registry.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.bristol.alp.registry.rest.ProviderResourceTest.newUkprn;
import static uk.gov.bristol.alp.registry.rest.ProviderResourceTest.passAllMandatory;
import static uk.gov.bristol.alp.registry.rest.ProviderResourceTest.register;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.gov.bristol.alp.testing.AlpServiceTestResource;
import uk.gov.bristol.alp.testing.TestTokens;

/**
 * The public directory against the Open Referral UK profile (its schemas and OpenAPI document, test data under
 * src/test/resources/openreferral-uk): every endpoint the profile requires, its parameters, every field it requires,
 * and no field it does not know.
 */
@QuarkusTest
@QuarkusTestResource(
        value = AlpServiceTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "alp_registry"))
class OpenReferralComplianceTest {
    private static final String FEED = "/api/v1/open-referral";
    private static final String PROFILE = "openreferral-uk/schema/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private static String withDetails;
    private static String bare;

    @BeforeEach
    void demoData() {
        if (withDetails == null) {
            withDetails = approve(ProviderDetailsTest.registerWithDetails());
            // No website, description or sites: the fields the profile requires must still be there.
            bare = approve(register(newUkprn()));
        }
    }

    private static String approve(String id) {
        passAllMandatory(id, LocalDate.now().plusYears(1));
        given().header("Authorization", TestTokens.registryOfficer())
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/providers/{id}/approve", id)
                .then()
                .statusCode(200);
        return id;
    }

    private static JsonNode profile(String file) {
        try (InputStream in = OpenReferralComplianceTest.class.getResourceAsStream("/" + PROFILE + file)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode get(String path, Object... params) {
        try {
            return JSON.readTree(given().get(FEED + path, params)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Violations of the profile's schema, and fields the schema does not know (its objects do not forbid them). */
    private static List<String> problems(String schemaFile, JsonNode value) {
        JsonSchema schema = SCHEMAS.getSchema(SchemaLocation.of("classpath:" + PROFILE + schemaFile));
        List<String> out = new ArrayList<>();
        schema.validate(value).forEach(m -> out.add(m.getMessage()));
        unknownFields(profile(schemaFile), value, "$", out);
        return out;
    }

    private static void unknownFields(JsonNode schema, JsonNode value, String at, List<String> out) {
        if (schema.has("$ref")) {
            schema = profile(schema.get("$ref").asText());
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                unknownFields(schema.get("items"), value.get(i), at + "[" + i + "]", out);
            }
        } else if (value.isObject() && schema.has("properties")) {
            JsonNode properties = schema.get("properties");
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!properties.has(field.getKey())) {
                    out.add(at + "." + field.getKey() + " is not in the profile");
                } else {
                    unknownFields(properties.get(field.getKey()), field.getValue(), at + "." + field.getKey(), out);
                }
            }
        }
    }

    /** A page: the profile's envelope, each item valid against {@code itemSchema}. */
    private static List<String> pageProblems(JsonNode page, String itemSchema) {
        List<String> out = new ArrayList<>();
        for (String field :
                List.of("total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty")) {
            if (!page.has(field)) {
                out.add("the page has no " + field);
            }
        }
        page.get("contents").forEach(item -> out.addAll(problems(itemSchema, item)));
        return out;
    }

    @Test
    void everyEndpointOfTheProfileAnswersInItsShape() {
        JsonNode info = get("/");
        assertEquals("3.0", info.get("version").asText());
        assertTrue(info.get("profile").asText().startsWith("https://"), info.toString());
        assertTrue(info.get("openapi_url").asText().startsWith("https://"), info.toString());

        JsonNode services = get("/services?per_page=200");
        assertEquals(List.of(), pageProblems(services, "compiled/service_list.json"));
        for (String id : List.of(withDetails, bare)) {
            assertEquals(List.of(), problems("compiled/service.json", get("/services/{id}", id)), id);
        }
        JsonNode sites = get("/service_at_locations?per_page=200");
        assertEquals(List.of(), pageProblems(sites, "compiled/service_at_location_list.json"));
        String siteId = get("/services/{id}", withDetails)
                .path("service_at_locations")
                .get(0)
                .get("id")
                .asText();
        JsonNode atSite = get("/service_at_locations/{id}", siteId);
        assertEquals(withDetails, atSite.get("id").asText());
        assertEquals(List.of(), problems("compiled/service.json", atSite));

        assertEquals(List.of(), pageProblems(get("/taxonomies"), "taxonomy.json"));
        assertEquals(List.of(), problems("taxonomy.json", get("/taxonomies/alp-specialisms")));
        assertEquals(List.of(), pageProblems(get("/taxonomy_terms?per_page=5&page=2"), "taxonomy_term.json"));
        assertEquals(List.of(), problems("taxonomy_term.json", get("/taxonomy_terms/SEMH")));
        given().get(FEED + "/taxonomies/other").then().statusCode(404);
        given().get(FEED + "/taxonomy_terms/NOT_A_TERM").then().statusCode(404);
        given().get(FEED + "/service_at_locations/not-a-site").then().statusCode(404);
    }

    @Test
    void everyRequiredEndpointAndParameterOfTheProfilesOpenApiIsServed() {
        JsonNode openapi = profile("openapi.json");
        JsonNode ours;
        try {
            ours = JSON.readTree(
                    given().get("/q/openapi?format=json").then().extract().asString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        List<String> missing = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = openapi.get("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            String local = FEED + (path.getKey().equals("/") ? "" : path.getKey());
            JsonNode op = ours.path("paths").path(local).path("get");
            if (op.isMissingNode()) {
                missing.add("GET " + local);
                continue;
            }
            List<String> served = new ArrayList<>();
            op.path("parameters").forEach(p -> served.add(p.path("name").asText()));
            for (JsonNode p : path.getValue().path("get").path("parameters")) {
                String name = p.has("$ref")
                        ? openapi.at(p.get("$ref").asText().substring(1))
                                .path("name")
                                .asText()
                        : p.path("name").asText();
                boolean optionalExtra =
                        List.of("start_time", "end_time", "day", "proximity").contains(name);
                if (!served.contains(name) && !optionalExtra) {
                    missing.add("GET " + local + " ?" + name);
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void filtersFollowTheProfile() {
        String name = given().header("Authorization", TestTokens.auditor())
                .get("/api/v1/providers/{id}", withDetails)
                .then()
                .extract()
                .path("name");
        String modified =
                get("/services/{id}", withDetails).get("last_modified").asText();
        given().queryParam("search", name)
                .queryParam("modified_after", modified)
                .get(FEED + "/services")
                .then()
                .body("total_items", equalTo(1)); // on or after
        given().queryParam("search", name)
                .queryParam("taxonomy_id", "alp-specialisms")
                .get(FEED + "/services")
                .then()
                .body("total_items", equalTo(1));
        given().queryParam("search", name)
                .queryParam("taxonomy_id", "another-taxonomy")
                .get(FEED + "/services")
                .then()
                .body("total_items", equalTo(0));
        given().queryParam("search", name)
                .queryParam("postcode", "BS5 6AB")
                .get(FEED + "/service_at_locations")
                .then()
                .body("total_items", equalTo(1));
        given().queryParam("search", name)
                .queryParam("postcode", "BS6 1AA")
                .get(FEED + "/service_at_locations")
                .then()
                .body("total_items", equalTo(0));
    }
}
