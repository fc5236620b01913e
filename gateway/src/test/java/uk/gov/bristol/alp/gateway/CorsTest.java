package uk.gov.bristol.alp.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import uk.gov.bristol.alp.testing.TestTokens;

/** A browser application on a configured origin may call the API; any origin may read the public feed only. */
@QuarkusTest
@QuarkusTestResource(value = UpstreamsResource.class, restrictToAnnotatedClass = true)
class CorsTest {
    private static final String APP = "https://app.example.org";

    @Test
    void aPreflightFromAConfiguredOriginIsAnsweredWithoutAToken() {
        given().header("Origin", APP)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type, idempotency-key")
                .options("/api/v1/placements")
                .then()
                .statusCode(204)
                .header("Access-Control-Allow-Origin", APP)
                .header("Vary", "Origin")
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsString("Idempotency-Key"))
                .header("Access-Control-Allow-Credentials", nullValue());
    }

    @Test
    void anotherOriginGetsNoCorsHeaders() {
        given().header("Origin", "https://elsewhere.example.com")
                .header("Access-Control-Request-Method", "GET")
                .options("/api/v1/placements")
                .then()
                .statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://elsewhere.example.com")
                .header("Authorization", TestTokens.school("100001"))
                .get("/api/v1/placements")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void anAnswerToAConfiguredOriginNamesItAndExposesTheHeadersClientsRead() {
        given().header("Origin", APP)
                .header("Authorization", TestTokens.school("100001"))
                .get("/api/v1/placements")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", APP)
                .header("Access-Control-Expose-Headers", containsString("X-Request-Id"))
                .header("Access-Control-Expose-Headers", containsString("ETag"));
    }

    @Test
    void thePublicFeedIsOpenToAnyOriginAndNothingElseIsWithoutAnOrigin() {
        given().header("Origin", "https://anyone.example.net")
                .get("/api/v1/open-referral/services")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("*"))
                .header("Vary", nullValue());
        given().header("Authorization", TestTokens.school("100001"))
                .get("/api/v1/placements")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
