package uk.gov.bristol.alp.registry.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static uk.gov.bristol.alp.registry.rest.ProviderResourceTest.passAllMandatory;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.gov.bristol.alp.testing.AlpServiceTestResource;
import uk.gov.bristol.alp.testing.TestTokens;

/** The public directory: Open Referral UK shape, approved providers only, nothing private. */
@QuarkusTest
@QuarkusTestResource(
        value = AlpServiceTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "alp_registry"))
class OpenReferralTest {
    private static final String FEED = "/api/v1/open-referral";
    private static final LocalDate TODAY = LocalDate.now();

    private static String approved(String reason) {
        String id = ProviderDetailsTest.registerWithDetails();
        passAllMandatory(id, TODAY.plusYears(1));
        given().header("Authorization", TestTokens.registryOfficer())
                .contentType(ContentType.JSON)
                .body(Map.of("reason", reason))
                .post("/api/v1/providers/{id}/approve", id)
                .then()
                .statusCode(200);
        return id;
    }

    private static String name(String id) {
        return given().header("Authorization", TestTokens.auditor())
                .get("/api/v1/providers/{id}", id)
                .then()
                .extract()
                .path("name");
    }

    @Test
    void theFeedHasTheOpenReferralPageAndServiceShape() {
        String id = approved("all checks passed");
        given().queryParam("search", name(id))
                .get(FEED + "/services")
                .then()
                .statusCode(200)
                .body("total_items", equalTo(1))
                .body("total_pages", equalTo(1))
                .body("page_number", equalTo(1))
                .body("size", equalTo(1))
                .body("first_page", equalTo(true))
                .body("last_page", equalTo(true))
                .body("empty", equalTo(false))
                .body("contents", instanceOf(List.class))
                .body("contents[0].id", equalTo(id))
                .body("contents[0].name", equalTo(name(id)))
                .body("contents[0].status", equalTo("active"))
                .body("contents[0].organization.name", equalTo(name(id)))
                .body("contents[0].minimum_age", equalTo(11))
                .body("contents[0].maximum_age", equalTo(16));
        // The list view is the profile's service_list; the service itself has its locations, terms and contacts.
        given().get(FEED + "/services/{id}", id)
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("service_at_locations[0].location.addresses[0].postal_code", equalTo("BS5 6XX"))
                .body("service_at_locations[0].location.addresses[0].country", equalTo("GB"))
                .body("attributes.taxonomy_term_id", hasItem("SEMH"))
                .body("attributes.taxonomy_term.taxonomy_id", everyItem(equalTo("alp-specialisms")))
                .body("contacts.name", equalTo(List.of("Front desk")));
        given().get(FEED + "/taxonomies").then().statusCode(200).body("contents[0].id", equalTo("alp-specialisms"));
        given().get(FEED + "/taxonomy_terms")
                .then()
                .statusCode(200)
                .body("contents.id", hasItem("SEMH"))
                .body("contents.taxonomy_id", everyItem(equalTo("alp-specialisms")));
        given().get(FEED + "/service_at_locations?per_page=200")
                .then()
                .statusCode(200)
                .body("contents.service_id", hasItem(id))
                .body("total_items", notNullValue());
    }

    @Test
    void aPageNumberPastTheLimitIsRefusedAndThePublicFeedMayBeCached() {
        given().queryParam("page", Integer.MAX_VALUE)
                .get(FEED + "/services")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("page"));
        given().get(FEED + "/services").then().statusCode(200).header("Cache-Control", nullValue());
    }

    @Test
    void filtersFollowTheStandardsParameters() {
        String id = approved("ok");
        String name = name(id);
        given().queryParam("search", name)
                .queryParam("taxonomy_term_id", "OUTDOOR")
                .get(FEED + "/services")
                .then()
                .body("total_items", equalTo(1));
        given().queryParam("search", name)
                .queryParam("taxonomy_term_id", "ARTS")
                .get(FEED + "/services")
                .then()
                .body("total_items", equalTo(0))
                .body("empty", equalTo(true));
        given().queryParam("search", name)
                .queryParam("postcode", "BS5 6AB")
                .get(FEED + "/services")
                .then()
                .body("total_items", equalTo(1));
        given().queryParam("search", name)
                .queryParam("postcode", "BS6 1AA")
                .get(FEED + "/services")
                .then()
                .body("total_items", equalTo(0));
        given().queryParam("search", name)
                .queryParam("minimum_age", 17)
                .get(FEED + "/services")
                .then()
                .body("total_items", equalTo(0));
        given().queryParam("search", name)
                .queryParam("maximum_age", 11)
                .get(FEED + "/services")
                .then()
                .body("total_items", equalTo(1));
    }

    @Test
    void onlyApprovedProvidersAppearAndNothingPrivateLeaks() {
        String listed = approved("PRIVATE-APPROVAL-REASON");
        String applying = ProviderDetailsTest.registerWithDetails();
        String suspended = approved("fine");
        given().header("Authorization", TestTokens.registryOfficer())
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "PRIVATE-SUSPENSION-REASON"))
                .post("/api/v1/providers/{id}/suspend", suspended)
                .then()
                .statusCode(200);

        given().queryParam("search", name(applying))
                .get(FEED + "/services")
                .then()
                .body("total_items", equalTo(0));
        given().queryParam("search", name(suspended))
                .get(FEED + "/services")
                .then()
                .body("total_items", equalTo(0));
        given().get(FEED + "/services/{id}", suspended).then().statusCode(404).contentType("application/problem+json");
        given().get(FEED + "/services/{id}", applying).then().statusCode(404);

        String ukprn = given().header("Authorization", TestTokens.auditor())
                .get("/api/v1/providers/{id}", listed)
                .then()
                .extract()
                .path("ukprn");
        for (String body : List.of(
                given().queryParam("search", name(listed))
                        .get(FEED + "/services")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString(),
                given().get(FEED + "/services/{id}", listed)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())) {
            for (String secret : List.of(
                    "Dana Private",
                    "dana@example.org",
                    "EV-",
                    "registry.officer",
                    "bristol",
                    "PRIVATE-APPROVAL-REASON",
                    "SLA-2026-014",
                    "42.50",
                    "capacity",
                    "evidence",
                    "checks",
                    ukprn,
                    "compliant",
                    "frameworkStatus",
                    "rates",
                    "HOUR")) {
                assertFalse(body.contains(secret), "the public feed shows '" + secret + "': " + body);
            }
        }
    }
}
