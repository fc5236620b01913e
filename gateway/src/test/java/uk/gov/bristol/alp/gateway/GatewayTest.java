package uk.gov.bristol.alp.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.gov.bristol.alp.testing.TestTokens;
import uk.gov.bristol.alp.tokens.VerifiedTokens;

@QuarkusTest
@QuarkusTestResource(value = UpstreamsResource.class, restrictToAnnotatedClass = true)
class GatewayTest {
    @Inject
    VerifiedTokens verified;

    @Test
    void aTokenVerifiedOnceIsKeptUntilItExpiresAndAnotherIsNot() {
        String bearer = TestTokens.bearer("kept.officer", List.of("alp-hub-officer"), Map.of());
        String token = bearer.substring("Bearer ".length());
        assertTrue(verified.identity(token).isEmpty());
        given().header("Authorization", bearer)
                .get("/api/v1/providers/kept")
                .then()
                .statusCode(200);
        assertTrue(verified.identity(token).isPresent(), "verified by OIDC, then kept");
        given().header("Authorization", bearer)
                .get("/api/v1/providers/kept")
                .then()
                .statusCode(200);
        given().header("Authorization", bearer.substring(0, bearer.length() - 2) + "xx")
                .get("/api/v1/providers/kept")
                .then()
                .statusCode(401);
    }

    private static final String PROBLEMS = "https://alp.bristol.gov.uk/problems/";

    @Test
    void noTokenIs401AsAProblemWithARequestId() {
        // Without an X-Request-Id from the caller, the request id is the request's trace id (the caller's, if it
        // sent a traceparent); a well-formed X-Request-Id of its own is kept.
        given().get("/api/v1/placements/123")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", notNullValue())
                .body("type", equalTo(PROBLEMS + "unauthenticated"))
                .header("X-Request-Id", matchesPattern("[0-9a-f]{32}"))
                .body("requestId", matchesPattern("[0-9a-f]{32}"));
        given().header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                .get("/api/v1/placements/123")
                .then()
                .statusCode(401)
                .header("X-Request-Id", equalTo("4bf92f3577b34da6a3ce929d0e0e4736"))
                .body("requestId", equalTo("4bf92f3577b34da6a3ce929d0e0e4736"));
        given().header("X-Request-Id", "caller-chosen-id")
                .get("/api/v1/placements/123")
                .then()
                .statusCode(401)
                .header("X-Request-Id", equalTo("caller-chosen-id"));
    }

    @Test
    void aForgedTokenIs401() {
        given().header("Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln")
                .get("/api/v1/placements/123")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void aValidCallIsProxiedWithTheTokenTheBodyAndARequestId() {
        String token = TestTokens.school("100001");
        given().header("Authorization", token)
                .header("X-Request-Id", "req-gw-1")
                .contentType(ContentType.JSON)
                .body("{\"hello\":\"world\"}")
                .post("/api/v1/placements?x=1")
                .then()
                .statusCode(200)
                .header("X-Request-Id", "req-gw-1")
                .body("method", equalTo("POST"))
                .body("uri", equalTo("/api/v1/placements?x=1"))
                .body("headers.authorization", equalTo(token))
                .body("headers.x-request-id", equalTo("req-gw-1"))
                .body("body", equalTo("{\"hello\":\"world\"}"));
    }

    @Test
    void aServiceRefusalPassesThrough() {
        given().header("Authorization", TestTokens.school("100001"))
                .get("/api/v1/providers/forbidden")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void anUnknownPathIs404() {
        given().header("Authorization", TestTokens.hubOfficer())
                .get("/api/v1/nowhere")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "not-found"));
    }

    @Test
    void aServiceThatIsDownIs503AndOneThatIsTooSlowIs504() {
        given().header("Authorization", TestTokens.panelChair())
                .get("/api/v1/referrals/1")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "service-unavailable"))
                .body("requestId", notNullValue());
        given().header("Authorization", TestTokens.financeOfficer())
                .get("/api/v1/finance/commitments")
                .then()
                .statusCode(504)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "gateway-timeout"));
    }

    @Test
    void thePublicDirectoryNeedsNoToken() {
        given().get("/api/v1/open-referral/services")
                .then()
                .statusCode(200)
                .body("uri", equalTo("/api/v1/open-referral/services"));
    }

    @Test
    void eachServicesOpenApiIsServedForTheSwaggerUi() {
        given().get("/openapi/registry").then().statusCode(200).body("uri", equalTo("/q/openapi?format=json"));
        given().get("/openapi/nothing").then().statusCode(404);
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
