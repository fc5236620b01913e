package uk.gov.bristol.alp.registry.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static uk.gov.bristol.alp.registry.rest.ProviderDetailsTest.details;
import static uk.gov.bristol.alp.registry.rest.ProviderDetailsTest.registerWithDetails;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.gov.bristol.alp.testing.AlpServiceTestResource;
import uk.gov.bristol.alp.testing.KafkaBroker;
import uk.gov.bristol.alp.testing.KafkaEvents;
import uk.gov.bristol.alp.testing.TestTokens;

/** A provider proposes changes to its own offer; the registry approves or rejects them, never undoing another's. */
@QuarkusTest
@QuarkusTestResource(
        value = AlpServiceTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "alp_registry"))
class ChangeRequestTest {
    private static final String REQUESTS = "/api/v1/providers/{id}/change-requests";

    private static ValidatableResponse propose(String token, String provider, Map<String, Object> details) {
        return given().header("Authorization", token)
                .contentType(ContentType.JSON)
                .body(Map.of("details", details, "note", "New site from January"))
                .post(REQUESTS, provider)
                .then();
    }

    private static String decide(
            String provider, String request, String decision, Map<String, String> body, int status) {
        return given().header("Authorization", TestTokens.registryOfficer())
                .contentType(ContentType.JSON)
                .body(body)
                .post(REQUESTS + "/{r}/" + decision, provider, request)
                .then()
                .statusCode(status)
                .extract()
                .asString();
    }

    @Test
    void theRegistryApprovesAProvidersOwnChangeUnlessTheOfferChangedSince() {
        String provider = registerWithDetails();
        String own = TestTokens.provider(provider);
        Map<String, Object> bigger = new HashMap<>(details(20, "42.50"));
        Map<String, Object> invalid = new HashMap<>(bigger);
        invalid.put("minAge", 16);
        invalid.put("maxAge", 11);
        propose(own, provider, invalid)
                .statusCode(422)
                .body("type", equalTo("https://alp.bristol.gov.uk/problems/rules/provider-details"));
        String request = propose(own, provider, bigger)
                .statusCode(201)
                .body("status", equalTo("PENDING"))
                .body("changes", equalTo("capacity"))
                .extract()
                .path("id");
        propose(own, provider, bigger)
                .statusCode(409)
                .body("type", equalTo("https://alp.bristol.gov.uk/problems/rules/change-request-status"));
        propose(TestTokens.provider(UUID.randomUUID().toString()), provider, bigger)
                .statusCode(404);
        propose(TestTokens.registryOfficer(), provider, bigger).statusCode(403);
        given().header("Authorization", TestTokens.registryOfficer())
                .get("/api/v1/provider-change-requests")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(request));

        decide(provider, request, "approve", Map.of("note", "Site visited"), 200);
        given().header("Authorization", own)
                .get("/api/v1/providers/{id}", provider)
                .then()
                .body("details.capacity", equalTo(20));
        KafkaEvents.awaitOne(
                KafkaBroker.shared().bootstrapServers(),
                "alp.providers.v1",
                n -> KafkaEvents.ofType("uk.gov.bristol.alp.provider.details-changed.v1", provider)
                                .test(n)
                        && n.path("data").path("specialisms").size() == 2,
                Duration.ofSeconds(20));
        decide(provider, request, "reject", Map.of("reason", "late"), 409);

        // A request made, then the registry changes the offer itself: approving the request would undo that.
        String stale = propose(own, provider, new HashMap<>(details(8, "42.50")))
                .statusCode(201)
                .extract()
                .path("id");
        String etag = given().header("Authorization", TestTokens.registryOfficer())
                .get("/api/v1/providers/{id}", provider)
                .then()
                .extract()
                .header("ETag");
        given().header("Authorization", TestTokens.registryOfficer())
                .header("If-Match", etag)
                .contentType(ContentType.JSON)
                .body(details(20, "45.00"))
                .put("/api/v1/providers/{id}/details", provider)
                .then()
                .statusCode(200);
        decide(provider, stale, "approve", Map.of(), 409);
        decide(provider, stale, "reject", Map.of("reason", "Our rate review changed the offer: send it again"), 200);

        String withdrawn = propose(own, provider, new HashMap<>(details(8, "45.00")))
                .statusCode(201)
                .extract()
                .path("id");
        given().header("Authorization", own)
                .post(REQUESTS + "/{r}/withdraw", provider, withdrawn)
                .then()
                .statusCode(200)
                .body("status", equalTo("WITHDRAWN"));
        given().header("Authorization", own)
                .get(REQUESTS, provider)
                .then()
                .statusCode(200)
                .body("status", equalTo(List.of("WITHDRAWN", "REJECTED", "APPROVED")));
        given().header("Authorization", TestTokens.school("100001"))
                .get(REQUESTS, provider)
                .then()
                .statusCode(404);
    }
}
