package uk.gov.bristol.alp.registry.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uk.gov.bristol.alp.testing.AlpServiceTestResource;
import uk.gov.bristol.alp.testing.TestTokens;
import uk.gov.bristol.alp.tokens.VerifiedTokens;

/**
 * A service verifies a bearer token once and keeps its identity, claims included, until it expires (the platform's
 * token cache): the second request is answered as the first, scoped by the same claim, without verifying again; a
 * token changed by one character is still refused.
 */
@QuarkusTest
@QuarkusTestResource(
        value = AlpServiceTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "alp_registry"))
class VerifiedTokenCacheTest {
    @Inject
    VerifiedTokens verified;

    @Test
    void aVerifiedTokenIsKeptWithItsClaimsAndATamperedOneIsRefused() {
        String bearer = TestTokens.partner("north-somerset");
        String token = bearer.substring("Bearer ".length());
        assertTrue(verified.identity(token).isEmpty(), "not seen yet");

        String first = given().header("Authorization", bearer)
                .get("/api/v1/webhook-subscriptions")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(verified.identity(token).isPresent(), "verified by OIDC, then kept");
        long hitsBefore = verified.hits();
        String second = given().header("Authorization", bearer)
                .get("/api/v1/webhook-subscriptions")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertEquals(first, second, "answered as the same partner authority (its claim kept)");
        assertTrue(verified.hits() > hitsBefore, "the second request's token came from the cache");

        given().header("Authorization", bearer.substring(0, bearer.length() - 2) + "xx")
                .get("/api/v1/webhook-subscriptions")
                .then()
                .statusCode(401);
    }
}
