package uk.gov.bristol.alp.registry.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.gov.bristol.alp.registry.rest.ProviderResourceTest.check;
import static uk.gov.bristol.alp.registry.rest.ProviderResourceTest.newUkprn;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.gov.bristol.alp.testing.AlpServiceTestResource;
import uk.gov.bristol.alp.testing.AsyncApiContract;
import uk.gov.bristol.alp.testing.KafkaBroker;
import uk.gov.bristol.alp.testing.KafkaEvents;
import uk.gov.bristol.alp.testing.TestTokens;

@QuarkusTest
@QuarkusTestResource(
        value = AlpServiceTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "alp_registry"))
class ProviderDetailsTest {
    private static final LocalDate TODAY = LocalDate.now();

    static Map<String, Object> details(int capacity, String rate) {
        Map<String, Object> d = new HashMap<>();
        d.put("description", "Small-group SEMH and outdoor learning for KS3-KS4");
        d.put("specialisms", List.of("SEMH", "OUTDOOR"));
        d.put("keyStages", List.of("KS3", "KS4"));
        d.put("minAge", 11);
        d.put("maxAge", 16);
        d.put("capacity", capacity);
        d.put("responseTimescaleDays", 5);
        d.put("slaReference", "SLA-2026-014");
        d.put("careersAdvice", true);
        d.put("website", "https://example.org/provider");
        d.put(
                "sites",
                List.of(Map.of(
                        "name",
                        "Easton base",
                        "addressLine",
                        "1 Example Road",
                        "town",
                        "Bristol",
                        "postcode",
                        "bs5 6xx")));
        d.put(
                "contacts",
                List.of(
                        Map.of(
                                "name",
                                "Front desk",
                                "role",
                                "Admissions",
                                "email",
                                "hello@example.org",
                                "isPublic",
                                true),
                        Map.of(
                                "name",
                                "Dana Private",
                                "role",
                                "Manager",
                                "email",
                                "dana@example.org",
                                "isPublic",
                                false)));
        d.put("rates", List.of(Map.of("unit", "HOUR", "amount", rate, "validFrom", TODAY.toString())));
        return d;
    }

    static String registerWithDetails() {
        String ukprn = newUkprn();
        return given().header("Authorization", TestTokens.registryOfficer())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "name",
                        "Easton Outdoor Learning "
                                + UUID.randomUUID().toString().substring(0, 8),
                        "ukprn",
                        ukprn,
                        "registrationStatus",
                        "UNREGISTERED",
                        "leadAuthority",
                        "bristol",
                        "details",
                        details(12, "42.50")))
                .post("/api/v1/providers")
                .then()
                .statusCode(201)
                .body("details.sites[0].postcode", equalTo("BS5 6XX"))
                .body("details.rates[0].amount", equalTo("42.50"))
                .extract()
                .path("id");
    }

    @Test
    void schoolsFindProvidersBySpecialismAgeKeyStageAndPostcodeDistrict() {
        String id = registerWithDetails();
        String school = TestTokens.school("100001");
        given().header("Authorization", school)
                .queryParam("specialism", "OUTDOOR")
                .queryParam("keyStage", "KS4")
                .queryParam("age", 14)
                .queryParam("postcodeDistrict", "bs5")
                .queryParam("size", 200)
                .get("/api/v1/providers")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id));
        given().header("Authorization", school)
                .queryParam("specialism", "OUTDOOR")
                .queryParam("age", 18)
                .queryParam("size", 200)
                .get("/api/v1/providers")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(id)));
        given().header("Authorization", school)
                .queryParam("specialism", "ARTS")
                .queryParam("size", 200)
                .get("/api/v1/providers")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(id)));
        given().header("Authorization", school)
                .queryParam("postcodeDistrict", "BS6")
                .queryParam("size", 200)
                .get("/api/v1/providers")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(id)));
    }

    @Test
    void schoolsAndOtherProvidersSeeThePublicViewOfficersPartnersAndTheProviderItselfSeeAll() {
        String id = registerWithDetails();
        check(id, "INSURANCE", "FAILED", TODAY.minusDays(1), TODAY.plusYears(1));
        for (String publicReader : List.of(
                TestTokens.school("100001"),
                TestTokens.provider(UUID.randomUUID().toString()),
                TestTokens.panelMember())) {
            given().header("Authorization", publicReader)
                    .get("/api/v1/providers/{id}", id)
                    .then()
                    .statusCode(200)
                    .body("name", startsWith("Easton Outdoor Learning"))
                    .body("frameworkStatus", equalTo("APPLIED"))
                    .body("details.contacts.name", contains("Front desk"))
                    .body("details.rates", empty())
                    .body("details.slaReference", nullValue())
                    .body("$", not(hasKey("checks")))
                    .body("compliance.compliant", equalTo(false))
                    .body("compliance", not(hasKey("gaps")))
                    .body("$", not(hasKey("statusReason")));
            given().header("Authorization", publicReader)
                    .queryParam("q", "Easton Outdoor")
                    .queryParam("size", 200)
                    .get("/api/v1/providers")
                    .then()
                    .statusCode(200)
                    .body("items.find { it.id == '%s' }.details.contacts.name".formatted(id), contains("Front desk"))
                    .body("items.find { it.id == '%s' }.details.rates".formatted(id), empty());
        }
        for (String fullReader : List.of(
                TestTokens.registryOfficer(),
                TestTokens.partner("south-gloucestershire"),
                TestTokens.hubOfficer(),
                TestTokens.financeOfficer(),
                TestTokens.auditor(),
                TestTokens.provider(id))) {
            given().header("Authorization", fullReader)
                    .get("/api/v1/providers/{id}", id)
                    .then()
                    .statusCode(200)
                    .body("details.contacts.name", contains("Front desk", "Dana Private"))
                    .body("details.rates[0].amount", equalTo("42.50"))
                    .body("details.slaReference", equalTo("SLA-2026-014"))
                    .body("checks.kind", contains("INSURANCE"))
                    .body("compliance.compliant", equalTo(false))
                    .body("compliance.gaps.kind", hasItem("INSURANCE"));
        }
    }

    @Test
    void detailsAreReplacedOnlyWithTheVersionReadAndTheChangeIsPublishedAndAudited() {
        String id = registerWithDetails();
        String etag = given().header("Authorization", TestTokens.registryOfficer())
                .get("/api/v1/providers/{id}", id)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");

        given().header("Authorization", TestTokens.registryOfficer())
                .contentType(ContentType.JSON)
                .body(details(20, "45.00"))
                .put("/api/v1/providers/{id}/details", id)
                .then()
                .statusCode(428)
                .body("type", equalTo("https://alp.bristol.gov.uk/problems/precondition-required"));
        given().header("Authorization", TestTokens.registryOfficer())
                .header("If-Match", "\"9999\"")
                .contentType(ContentType.JSON)
                .body(details(20, "45.00"))
                .put("/api/v1/providers/{id}/details", id)
                .then()
                .statusCode(412);
        given().header("Authorization", TestTokens.registryOfficer())
                .header("If-Match", etag)
                .contentType(ContentType.JSON)
                .body(details(20, "45.00"))
                .put("/api/v1/providers/{id}/details", id)
                .then()
                .statusCode(200)
                .body("details.capacity", equalTo(20))
                .body("details.rates[0].amount", equalTo("45.00"));
        given().header("Authorization", TestTokens.registryOfficer())
                .header("If-Match", etag)
                .contentType(ContentType.JSON)
                .body(details(30, "45.00"))
                .put("/api/v1/providers/{id}/details", id)
                .then()
                .statusCode(412);

        String bootstrap = KafkaBroker.shared().bootstrapServers();
        JsonNode changed = KafkaEvents.awaitOne(
                bootstrap,
                "alp.providers.v1",
                KafkaEvents.ofType("uk.gov.bristol.alp.provider.details-changed.v1", id),
                Duration.ofSeconds(20));
        assertEquals(List.of(), AsyncApiContract.load().violations("alp.providers.v1", changed));
        JsonNode rates = KafkaEvents.awaitOne(
                bootstrap,
                "alp.providers.v1",
                KafkaEvents.ofType("uk.gov.bristol.alp.provider.rates-changed.v1", id),
                Duration.ofSeconds(20));
        assertEquals(List.of(), AsyncApiContract.load().violations("alp.providers.v1", rates));
        assertEquals(
                "45.00", rates.path("data").path("rates").get(0).path("amount").asText());

        given().header("Authorization", TestTokens.auditor())
                .get("/api/v1/providers/{id}/audit", id)
                .then()
                .statusCode(200)
                .body("details", hasItem("details changed by bristol: capacity, rates"));
    }

    @Test
    void inconsistentDetailsAreRefusedNamingTheField() {
        Map<String, Object> ages = details(10, "40.00");
        ages.put("minAge", 16);
        ages.put("maxAge", 11);
        registerExpecting(ages, 422)
                .body("type", equalTo("https://alp.bristol.gov.uk/problems/rules/provider-details"))
                .body("errors.field", contains("maxAge"));

        Map<String, Object> postcode = details(10, "40.00");
        postcode.put("sites", List.of(Map.of("name", "Somewhere", "postcode", "NOT A CODE")));
        registerExpecting(postcode, 422).body("errors.field", contains("sites[0].postcode"));

        registerExpecting(details(10, "-1.00"), 400).body("errors.field", contains("details.rates[0].amount"));
    }

    private static ValidatableResponse registerExpecting(Map<String, Object> details, int status) {
        String ukprn = newUkprn();
        return given().header("Authorization", TestTokens.registryOfficer())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "name",
                        "Inconsistent " + ukprn,
                        "ukprn",
                        ukprn,
                        "registrationStatus",
                        "UNREGISTERED",
                        "leadAuthority",
                        "bristol",
                        "details",
                        details))
                .post("/api/v1/providers")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(status);
    }
}
