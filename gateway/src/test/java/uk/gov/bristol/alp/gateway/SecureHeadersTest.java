package uk.gov.bristol.alp.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import uk.gov.bristol.alp.testing.TestTokens;

/** Every answer leaving the gateway carries the browser security headers, once, whatever the upstream sent. */
@QuarkusTest
@QuarkusTestResource(value = UpstreamsResource.class, restrictToAnnotatedClass = true)
class SecureHeadersTest {

    @Test
    void aProxiedAnswerCarriesEverySecurityHeaderOnceWithTheGatewaysValue() {
        Response response =
                given().header("Authorization", TestTokens.school("100001")).get("/api/v1/placements/framed");
        response.then().statusCode(200);
        assertThat(response.getHeaders().getValues("X-Frame-Options"), contains("DENY"));
        assertThat(response.getHeaders().getValues("X-Content-Type-Options"), contains("nosniff"));
        assertThat(response.getHeaders().getValues("Referrer-Policy"), contains("no-referrer"));
        assertThat(response.getHeaders().getValues("Strict-Transport-Security"), contains(SecureHeaders.HSTS));
        assertThat(response.getHeaders().getValues("Content-Security-Policy"), contains(SecureHeaders.API_POLICY));
        assertThat(response.getHeaders().getValues("X-Request-Id"), hasSize(1));
    }

    @Test
    void theGatewaysOwnProblemAnswersCarryThemToo() {
        given().get("/api/v1/placements")
                .then()
                .statusCode(401)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", SecureHeaders.API_POLICY);
    }

    @Test
    void swaggerUiKeepsItsScriptsWithoutAContentSecurityPolicy() {
        given().get("/q/swagger-ui/")
                .then()
                .statusCode(200)
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", nullValue());
    }
}
