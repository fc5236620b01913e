package uk.gov.bristol.alp.registry.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.gov.bristol.alp.testing.AlpServiceTestResource;
import uk.gov.bristol.alp.testing.PrometheusText;
import uk.gov.bristol.alp.testing.TestTokens;

/**
 * Search pages are kept between requests and never outlive a change: the same search is answered from the kept page
 * (the metric says so) with the same body, and once the provider changes the next search shows the change.
 */
@QuarkusTest
@QuarkusTestResource(
        value = AlpServiceTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "alp_registry"))
class ProviderSearchPagesTest {
    @Test
    void aKeptPageAnswersTheSameSearchUntilTheProvidersChange() {
        String ukprn = ProviderResourceTest.newUkprn();
        String id = ProviderResourceTest.register(ukprn);

        String first = search(ukprn, "APPLIED");
        double keptBefore = kept();
        String second = search(ukprn, "APPLIED");
        assertEquals(first, second, "the same page");
        assertEquals(keptBefore + 1, kept(), "answered from the kept page");

        given().header("Authorization", TestTokens.registryOfficer())
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "withdrew its application"))
                .post("/api/v1/providers/{id}/remove", id)
                .then()
                .statusCode(200);
        search(ukprn, "REMOVED");
    }

    private static String search(String ukprn, String status) {
        return given().header("Authorization", TestTokens.hubOfficer())
                .queryParam("q", ukprn)
                .get("/api/v1/providers")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].frameworkStatus", equalTo(status))
                .extract()
                .asString();
    }

    private static double kept() {
        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        return new PrometheusText(metrics).value("alp_registry_search_pages_total", "from", "kept");
    }
}
