package uk.gov.bristol.alp.registry.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.hamcrest.Matchers;
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
class ProviderResourceTest {
    private static final AtomicInteger SERIAL = new AtomicInteger(1000);
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/London"));
    private static final List<String> MANDATORY = List.of(
            "DBS_AND_STAFF_TRAINING",
            "INSURANCE",
            "HEALTH_AND_SAFETY_RISK_ASSESSMENT",
            "SAFEGUARDING_POLICY_AND_PRACTICE",
            "ATTENDANCE_AND_ENGAGEMENT",
            "FINANCIAL_VIABILITY");

    static String newUkprn() {
        return "1" + String.format("%07d", SERIAL.incrementAndGet() + (int) (System.nanoTime() % 1000) * 1000);
    }

    static String register(String ukprn) {
        return given().header("Authorization", TestTokens.registryOfficer())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "name",
                        "Riverside Learning " + ukprn,
                        "ukprn",
                        ukprn,
                        "registrationStatus",
                        "UNREGISTERED",
                        "leadAuthority",
                        "bristol"))
                .post("/api/v1/providers")
                .then()
                .statusCode(201)
                .body("frameworkStatus", equalTo("APPLIED"))
                .extract()
                .path("id");
    }

    static void check(String id, String kind, String outcome, LocalDate checkedOn, LocalDate expiresOn) {
        given().header("Authorization", TestTokens.registryOfficer())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "kind",
                        kind,
                        "outcome",
                        outcome,
                        "checkedOn",
                        checkedOn.toString(),
                        "expiresOn",
                        expiresOn.toString(),
                        "evidenceReference",
                        "EV-" + kind))
                .post("/api/v1/providers/{id}/checks", id)
                .then()
                .statusCode(201)
                .body("authority", equalTo("bristol"))
                .body("officer", equalTo("registry.officer"));
    }

    static void passAllMandatory(String id, LocalDate expiresOn) {
        MANDATORY.forEach(kind -> check(id, kind, "PASSED", TODAY.minusDays(30), expiresOn));
    }

    @Test
    void aProviderWithEveryMandatoryCheckInDateIsApprovedAndTheEventReachesKafka() {
        String id = register(newUkprn());
        passAllMandatory(id, TODAY.plusYears(1));

        given().header("Authorization", TestTokens.registryOfficer())
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "all checks passed"))
                .post("/api/v1/providers/{id}/approve", id)
                .then()
                .statusCode(200)
                .body("frameworkStatus", equalTo("APPROVED"))
                .body("compliance.compliant", equalTo(true))
                .body("compliance.compliantUntil", equalTo(TODAY.plusYears(1).toString()));

        JsonNode event = KafkaEvents.awaitOne(
                KafkaBroker.shared().bootstrapServers(),
                "alp.providers.v1",
                KafkaEvents.ofType("uk.gov.bristol.alp.provider.approved.v1", id),
                Duration.ofSeconds(20));
        assertEquals(List.of(), AsyncApiContract.load().violations("alp.providers.v1", event));
        assertEquals("APPROVED", event.path("data").path("frameworkStatus").asText());
        assertEquals("urn:alp:provider-registry-service", event.path("source").asText());
    }

    @Test
    void aCheckExpiringTodayStillCounts() {
        String id = register(newUkprn());
        passAllMandatory(id, TODAY);
        approve(id).then().statusCode(200).body("frameworkStatus", equalTo("APPROVED"));
    }

    @Test
    void approvalWithOneCheckMissingAndOneExpiredYesterdayNamesBoth() {
        String id = register(newUkprn());
        MANDATORY.stream()
                .filter(k -> !k.equals("INSURANCE") && !k.equals("FINANCIAL_VIABILITY"))
                .forEach(k -> check(id, k, "PASSED", TODAY.minusDays(30), TODAY.plusYears(1)));
        check(id, "FINANCIAL_VIABILITY", "PASSED", TODAY.minusYears(1), TODAY.minusDays(1));

        approve(id)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://alp.bristol.gov.uk/problems/rules/approval-needs-compliant-checks"))
                .body("requestId", notNullValue())
                .body("errors.field", contains("checks.INSURANCE", "checks.FINANCIAL_VIABILITY"))
                .body("errors.rule", contains("missing", "expired"));

        given().header("Authorization", TestTokens.auditor())
                .get("/api/v1/providers/{id}", id)
                .then()
                .statusCode(200)
                .body("frameworkStatus", equalTo("APPLIED"))
                .body("compliance.compliant", equalTo(false));
    }

    @Test
    void aNewCheckNeverOverwritesTheOldOne() {
        String id = register(newUkprn());
        check(id, "INSURANCE", "PASSED", TODAY.minusYears(1), TODAY.minusDays(1));
        check(id, "INSURANCE", "PASSED", TODAY, TODAY.plusYears(1));
        given().header("Authorization", TestTokens.registryOfficer())
                .get("/api/v1/providers/{id}", id)
                .then()
                .statusCode(200)
                .body("checks.size()", equalTo(2))
                .body(
                        "checks.expiresOn",
                        contains(
                                TODAY.plusYears(1).toString(),
                                TODAY.minusDays(1).toString()));
    }

    @Test
    void aSuspendedProviderCannotBeSuspendedAgainAndIsPublished() {
        String id = register(newUkprn());
        passAllMandatory(id, TODAY.plusYears(1));
        approve(id).then().statusCode(200);
        suspend(id)
                .then()
                .statusCode(200)
                .body("frameworkStatus", equalTo("SUSPENDED"))
                .body("statusReason", equalTo("safeguarding concern"));
        suspend(id)
                .then()
                .statusCode(409)
                .body("type", equalTo("https://alp.bristol.gov.uk/problems/rules/framework-transition"));
        KafkaEvents.awaitOne(
                KafkaBroker.shared().bootstrapServers(),
                "alp.providers.v1",
                KafkaEvents.ofType("uk.gov.bristol.alp.provider.suspended.v1", id),
                Duration.ofSeconds(20));
    }

    @Test
    void aSuspendedProviderIsReinstatedNotReApprovedAndARemovedOneStaysRemoved() {
        String id = register(newUkprn());
        passAllMandatory(id, TODAY.plusYears(1));
        approve(id).then().statusCode(200);
        suspend(id).then().statusCode(200);
        approve(id).then().statusCode(409);
        given().header("Authorization", TestTokens.registryOfficer())
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "investigation closed"))
                .post("/api/v1/providers/{id}/reinstate", id)
                .then()
                .statusCode(200)
                .body("frameworkStatus", equalTo("APPROVED"))
                .body("statusReason", equalTo("investigation closed"));
        given().header("Authorization", TestTokens.registryOfficer())
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "contract ended"))
                .post("/api/v1/providers/{id}/remove", id)
                .then()
                .statusCode(200)
                .body("frameworkStatus", equalTo("REMOVED"));
        for (String action : List.of("remove", "reinstate")) {
            given().header("Authorization", TestTokens.registryOfficer())
                    .contentType(ContentType.JSON)
                    .body(Map.of("reason", "again"))
                    .post("/api/v1/providers/{id}/" + action, id)
                    .then()
                    .statusCode(409)
                    .body("type", equalTo("https://alp.bristol.gov.uk/problems/rules/framework-transition"));
        }
        String bootstrap = KafkaBroker.shared().bootstrapServers();
        for (String type : List.of("reinstated", "removed")) {
            JsonNode event = KafkaEvents.awaitOne(
                    bootstrap,
                    "alp.providers.v1",
                    KafkaEvents.ofType("uk.gov.bristol.alp.provider." + type + ".v1", id),
                    Duration.ofSeconds(20));
            assertEquals(List.of(), AsyncApiContract.load().violations("alp.providers.v1", event));
        }
    }

    @Test
    void aStaleIfMatchIsRefused() {
        String id = register(newUkprn());
        passAllMandatory(id, TODAY.plusYears(1));
        given().header("Authorization", TestTokens.registryOfficer())
                .header("If-Match", "\"99\"")
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/providers/{id}/approve", id)
                .then()
                .statusCode(412)
                .body("type", equalTo("https://alp.bristol.gov.uk/problems/stale-version"));
    }

    @Test
    void invalidIdentifiersAreRefusedNamingTheFieldAndTheRule() {
        given().header("Authorization", TestTokens.registryOfficer())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "name",
                        "Bad ids",
                        "ukprn",
                        "20000001",
                        "urn",
                        "12345",
                        "registrationStatus",
                        "UNREGISTERED",
                        "leadAuthority",
                        "bristol"))
                .post("/api/v1/providers")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://alp.bristol.gov.uk/problems/validation"))
                .body("errors.field", contains("ukprn", "urn"))
                .body("errors.rule", contains("validUkprn", "validUrn"));
    }

    @Test
    void aProviderIsIdentifiedByUkprnOrUrnOrElseByAnApSettingTypeNeverBoth() {
        given().header("Authorization", TestTokens.registryOfficer())
                .contentType(ContentType.JSON)
                .body(Map.of("name", "No identity", "registrationStatus", "UNREGISTERED", "leadAuthority", "bristol"))
                .post("/api/v1/providers")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://alp.bristol.gov.uk/problems/rules/provider-identity"))
                .body("errors[0].field", equalTo("ukprn"));
        given().header("Authorization", TestTokens.registryOfficer())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "name",
                        "Two identities",
                        "urn",
                        "654321",
                        "settingType",
                        "OTH",
                        "registrationStatus",
                        "UNREGISTERED",
                        "leadAuthority",
                        "bristol"))
                .post("/api/v1/providers")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://alp.bristol.gov.uk/problems/rules/provider-identity"));
        given().header("Authorization", TestTokens.auditor())
                .queryParam("q", "identit")
                .get("/api/v1/providers")
                .then()
                .statusCode(200)
                .body("items.name", Matchers.not(hasItem("No identity")))
                .body("items.name", Matchers.not(hasItem("Two identities")));
    }

    @Test
    void anUnknownAuthorityOrMalformedJsonIsAProblemNotAServerError() {
        given().header("Authorization", TestTokens.registryOfficer())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "name",
                        "X",
                        "ukprn",
                        newUkprn(),
                        "registrationStatus",
                        "UNREGISTERED",
                        "leadAuthority",
                        "somerset"))
                .post("/api/v1/providers")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("leadAuthority"));
        given().header("Authorization", TestTokens.registryOfficer())
                .contentType(ContentType.JSON)
                .body("{\"name\": ")
                .post("/api/v1/providers")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void aDuplicateUkprnIsRefused() {
        String ukprn = newUkprn();
        register(ukprn);
        given().header("Authorization", TestTokens.registryOfficer())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "name",
                        "Copy",
                        "ukprn",
                        ukprn,
                        "registrationStatus",
                        "UNREGISTERED",
                        "leadAuthority",
                        "bristol"))
                .post("/api/v1/providers")
                .then()
                .statusCode(409)
                .body("type", equalTo("https://alp.bristol.gov.uk/problems/rules/duplicate-provider-identifier"));
    }

    @Test
    void aPartnerAuthorityRecordsChecksAsItselfButCannotApprove() {
        String id = register(newUkprn());
        given().header("Authorization", TestTokens.partner("north-somerset"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "kind",
                        "INSURANCE",
                        "outcome",
                        "PASSED",
                        "checkedOn",
                        TODAY.toString(),
                        "expiresOn",
                        TODAY.plusYears(1).toString()))
                .post("/api/v1/providers/{id}/checks", id)
                .then()
                .statusCode(201)
                .body("authority", equalTo("north-somerset"));
        given().header("Authorization", TestTokens.partner("north-somerset"))
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/providers/{id}/approve", id)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().header("Authorization", TestTokens.partner("north-somerset"))
                .get("/api/v1/providers?status=APPLIED&size=200")
                .then()
                .statusCode(200)
                .body("items.frameworkStatus", everyItem(equalTo("APPLIED")))
                .body("totalItems", notNullValue());
    }

    @Test
    void aSchoolCannotRecordACheckAndNoTokenIsUnauthenticated() {
        String id = register(newUkprn());
        given().header("Authorization", TestTokens.school("100001"))
                .contentType(ContentType.JSON)
                .body(Map.of("kind", "INSURANCE", "outcome", "PASSED", "checkedOn", TODAY.toString()))
                .post("/api/v1/providers/{id}/checks", id)
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://alp.bristol.gov.uk/problems/forbidden"));
        given().get("/api/v1/providers/{id}", id)
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("https://alp.bristol.gov.uk/problems/unauthenticated"));
        given().header("Authorization", "Bearer not-a-token")
                .get("/api/v1/providers/{id}", id)
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void anUnknownProviderIsNotFoundWithTheRequestIdEchoed() {
        given().header("Authorization", TestTokens.registryOfficer())
                .header("X-Request-Id", "req-registry-1")
                .get("/api/v1/providers/{id}", "7b0d3f4e-0000-4000-8000-000000000000")
                .then()
                .statusCode(404)
                .header("X-Request-Id", "req-registry-1")
                .body("requestId", equalTo("req-registry-1"));
    }

    @Test
    void everyChangeIsAuditedWithWhoWhichAuthorityAndWhatAndOnlyAuditorsAndOfficersReadIt() {
        String id = register(newUkprn());
        given().header("Authorization", TestTokens.partner("south-gloucestershire"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "kind",
                        "INSURANCE",
                        "outcome",
                        "PASSED",
                        "checkedOn",
                        TODAY.toString(),
                        "expiresOn",
                        TODAY.plusYears(1).toString(),
                        "evidenceReference",
                        "POL-77"))
                .post("/api/v1/providers/{id}/checks", id)
                .then()
                .statusCode(201);
        passAllMandatory(id, TODAY.plusYears(1));
        approve(id).then().statusCode(200);

        given().header("Authorization", TestTokens.auditor())
                .get("/api/v1/providers/{id}/audit", id)
                .then()
                .statusCode(200)
                .body("[0].action", equalTo("CREATE"))
                .body("[0].actor", equalTo("registry.officer"))
                .body("[0].details", Matchers.startsWith("registered for bristol"))
                .body("[1].actor", equalTo("service-account-partner-south-gloucestershire"))
                .body(
                        "[1].details",
                        equalTo("check recorded for south-gloucestershire: INSURANCE PASSED on " + TODAY + ", expires "
                                + TODAY.plusYears(1) + ", evidence POL-77"))
                .body("details", hasItem("framework status APPLIED -> APPROVED by bristol"))
                .body("requestId", everyItem(notNullValue()));
        given().header("Authorization", TestTokens.school("100001"))
                .get("/api/v1/providers/{id}/audit", id)
                .then()
                .statusCode(403);
    }

    @Test
    void partnersFollowAChangeFeedOldestChangeFirst() {
        String before = register(newUkprn());
        OffsetDateTime since = OffsetDateTime.now(ZoneOffset.UTC);
        String after = register(newUkprn());
        check(before, "INSURANCE", "PASSED", TODAY, TODAY.plusYears(1));

        List<String> feed = given().header("Authorization", TestTokens.partner("north-somerset"))
                .queryParam("modifiedSince", since.toString())
                .queryParam("sort", "UPDATED")
                .queryParam("size", 200)
                .get("/api/v1/providers")
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
        assertEquals(true, feed.contains(after) && feed.contains(before), "both changed since: " + feed);
        assertEquals(
                true,
                feed.indexOf(after) < feed.indexOf(before),
                "registered 'after' changed before the check on 'before' was recorded");
        given().header("Authorization", TestTokens.partner("north-somerset"))
                .queryParam(
                        "modifiedSince",
                        OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(5).toString())
                .queryParam("size", 200)
                .get("/api/v1/providers")
                .then()
                .statusCode(200)
                .body("items.id", Matchers.not(Matchers.hasItem(after)))
                .body("items.id", Matchers.not(Matchers.hasItem(before)));
    }

    @Test
    void searchPagesCountEveryMatchOnEveryPageIncludingPastTheEnd() {
        String tag = "Paging " + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 3; i++) {
            given().header("Authorization", TestTokens.registryOfficer())
                    .contentType(ContentType.JSON)
                    .body(Map.of(
                            "name",
                            tag + " " + i,
                            "ukprn",
                            newUkprn(),
                            "registrationStatus",
                            "UNREGISTERED",
                            "leadAuthority",
                            "bristol"))
                    .post("/api/v1/providers")
                    .then()
                    .statusCode(201);
        }
        given().header("Authorization", TestTokens.school("100001"))
                .queryParam("q", tag)
                .queryParam("size", 2)
                .queryParam("page", 0)
                .get("/api/v1/providers")
                .then()
                .statusCode(200)
                .body("items.name", Matchers.contains(tag + " 0", tag + " 1"))
                .body("totalItems", equalTo(3));
        given().header("Authorization", TestTokens.school("100001"))
                .queryParam("q", tag)
                .queryParam("size", 2)
                .queryParam("page", 1)
                .get("/api/v1/providers")
                .then()
                .statusCode(200)
                .body("items.name", Matchers.contains(tag + " 2"))
                .body("totalItems", equalTo(3));
        given().header("Authorization", TestTokens.school("100001"))
                .queryParam("q", tag)
                .queryParam("size", 2)
                .queryParam("page", 5)
                .get("/api/v1/providers")
                .then()
                .statusCode(200)
                .body("items", Matchers.empty())
                .body("totalItems", equalTo(3));
        given().header("Authorization", TestTokens.school("100001"))
                .queryParam("q", tag + " none")
                .get("/api/v1/providers")
                .then()
                .statusCode(200)
                .body("items", Matchers.empty())
                .body("totalItems", equalTo(0));
    }

    @Test
    void searchFindsByExactUkprnOrNameAndRefusesAnUnknownAuthority() {
        String ukprn = newUkprn();
        String id = register(ukprn);
        given().header("Authorization", TestTokens.school("100001"))
                .queryParam("q", ukprn)
                .get("/api/v1/providers")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].id", equalTo(id));
        given().header("Authorization", TestTokens.school("100001"))
                .queryParam("q", "riverside learning " + ukprn)
                .get("/api/v1/providers")
                .then()
                .statusCode(200)
                .body("items[0].id", equalTo(id));
        given().header("Authorization", TestTokens.school("100001"))
                .queryParam("leadAuthority", "somerset")
                .get("/api/v1/providers")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("leadAuthority"));
    }

    private static Response approve(String id) {
        return given().header("Authorization", TestTokens.registryOfficer())
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/providers/{id}/approve", id);
    }

    private static Response suspend(String id) {
        return given().header("Authorization", TestTokens.registryOfficer())
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "safeguarding concern"))
                .post("/api/v1/providers/{id}/suspend", id);
    }
}
