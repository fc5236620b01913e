package uk.gov.bristol.alp.placement.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.START;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.approvedProvider;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.awaitProviderStatus;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.eighteenHours;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.placement;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.provider;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.pupil;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.schoolA;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.schoolB;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.session;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.gov.bristol.alp.platform.codes.CheckKind;
import uk.gov.bristol.alp.testing.AlpServiceTestResource;
import uk.gov.bristol.alp.testing.TestTokens;

/**
 * A school may commission a part-time placement with a provider the framework has not approved, on its own checks
 * of every mandatory kind in date on the start date; the Hub sees such placements flagged, with those checks.
 */
@QuarkusTest
@QuarkusTestResource(
        value = AlpServiceTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "alp_placement"))
class OffFrameworkTest {
    private static final String RULES = "https://alp.bristol.gov.uk/problems/rules/";
    private static final List<String> MANDATORY = Arrays.stream(CheckKind.values())
            .filter(k -> k.mandatory)
            .map(Enum::name)
            .toList();

    private static UUID notOnTheFramework() {
        UUID id = provider("APPLIED", "UNREGISTERED", false, OffsetDateTime.now());
        awaitProviderStatus(id, "APPLIED");
        return id;
    }

    private static void check(String school, UUID provider, String kind, LocalDate expiresOn) {
        given().header("Authorization", school)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "providerId", provider.toString(),
                        "kind", kind,
                        "evidenceReference", "SCH/" + kind + "/2026",
                        "checkedOn", LocalDate.now().minusDays(3).toString(),
                        "expiresOn", expiresOn.toString()))
                .post("/api/v1/compliance/school-checks")
                .then()
                .statusCode(201)
                .body("kind", equalTo(kind));
    }

    private static Response commission(String token, String urn, UUID provider) {
        return given().header("Authorization", token)
                .contentType(ContentType.JSON)
                .body(placement(pupil(token, urn, "K"), provider, List.of(session("THURSDAY", "09:00", "12:00"))))
                .post("/api/v1/placements");
    }

    @Test
    void aSchoolCommissionsAProviderOffTheFrameworkOnlyWithItsSixChecksInDateOnTheStartDate() {
        UUID provider = notOnTheFramework();
        commission(schoolA(), "100001", provider)
                .then()
                .statusCode(422)
                .body("type", equalTo(RULES + "school-checks-required"))
                .body("errors", hasSize(6));

        for (String kind : MANDATORY) {
            check(
                    schoolA(),
                    provider,
                    kind,
                    kind.equals("FINANCIAL_VIABILITY") ? START.minusDays(1) : START.plusYears(1));
        }
        commission(schoolA(), "100001", provider)
                .then()
                .statusCode(422)
                .body("type", equalTo(RULES + "school-checks-required"))
                .body("errors.field", contains("schoolChecks.FINANCIAL_VIABILITY"))
                .body("errors[0].rule", equalTo("inDate"));

        // Another school's checks are its own: school B has none.
        commission(schoolB(), "100002", provider).then().statusCode(422).body("errors", hasSize(6));

        check(schoolA(), provider, "FINANCIAL_VIABILITY", START.plusMonths(6));
        String placement = commission(schoolA(), "100001", provider)
                .then()
                .statusCode(201)
                .body("offFramework", equalTo(true))
                .extract()
                .path("id");

        String hub = TestTokens.hubOfficer();
        given().header("Authorization", hub)
                .get("/api/v1/placements?offFramework=true&providerId=" + provider)
                .then()
                .statusCode(200)
                .body("items.id", contains(placement));
        given().header("Authorization", hub)
                .get("/api/v1/placements/{id}/checks", placement)
                .then()
                .statusCode(200)
                .body("offFramework", equalTo(true))
                .body("framework.frameworkStatus", equalTo("APPLIED"))
                .body("school.kind", containsInAnyOrder(MANDATORY.toArray()))
                .body(
                        "school.find { it.kind == 'FINANCIAL_VIABILITY' }.expiresOn",
                        equalTo(START.plusMonths(6).toString()));
    }

    @Test
    void theHubAndFullTimePlacementsStillNeedAnApprovedProviderAndASuspendedOneIsNeverCommissioned() {
        UUID provider = notOnTheFramework();
        for (String kind : MANDATORY) {
            check(schoolA(), provider, kind, START.plusYears(1));
        }
        String pupil = pupil(schoolA(), "100001", "K");
        given().header("Authorization", TestTokens.hubOfficer())
                .contentType(ContentType.JSON)
                .body(placement(pupil, provider, List.of(session("FRIDAY", "09:00", "12:00"))))
                .post("/api/v1/placements")
                .then()
                .statusCode(422)
                .body("type", equalTo(RULES + "provider-not-approved"));
        given().header("Authorization", schoolA())
                .contentType(ContentType.JSON)
                .body(placement(pupil, provider, eighteenHours()))
                .post("/api/v1/placements")
                .then()
                .statusCode(422)
                .body("type", equalTo(RULES + "full-time-needs-panel-decision"));

        UUID suspended = provider("SUSPENDED", "UNREGISTERED", false, OffsetDateTime.now());
        awaitProviderStatus(suspended, "SUSPENDED");
        for (String kind : MANDATORY) {
            check(schoolA(), suspended, kind, START.plusYears(1));
        }
        commission(schoolA(), "100001", suspended)
                .then()
                .statusCode(422)
                .body("type", equalTo(RULES + "provider-not-approved"));
    }

    @Test
    void aSchoolKeepsItsOwnChecksOnAFrameworkProviderAndEachSchoolReadsOnlyItsOwn() {
        UUID provider = approvedProvider("REGISTERED_INDEPENDENT_SCHOOL");
        check(schoolA(), provider, "SAFEGUARDING_POLICY_AND_PRACTICE", START.plusYears(1));
        String placement = commission(schoolA(), "100001", provider)
                .then()
                .statusCode(201)
                .body("offFramework", equalTo(false))
                .extract()
                .path("id");
        given().header("Authorization", schoolA())
                .get("/api/v1/placements/{id}/checks", placement)
                .then()
                .statusCode(200)
                .body("framework.frameworkStatus", equalTo("APPROVED"))
                .body("framework.compliant", equalTo(true))
                .body("school.kind", contains("SAFEGUARDING_POLICY_AND_PRACTICE"));
        given().header("Authorization", schoolB())
                .get("/api/v1/compliance/school-checks?providerId=" + provider)
                .then()
                .statusCode(200)
                .body("$", hasSize(0));
        given().header("Authorization", TestTokens.hubOfficer())
                .get("/api/v1/compliance/school-checks?providerId=" + provider + "&schoolUrn=100001")
                .then()
                .statusCode(200)
                .body("kind", hasItem("SAFEGUARDING_POLICY_AND_PRACTICE"));
        given().header("Authorization", TestTokens.provider(provider.toString()))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "providerId", provider.toString(),
                        "kind", "INSURANCE",
                        "evidenceReference", "x",
                        "checkedOn", LocalDate.now().toString(),
                        "expiresOn", LocalDate.now().plusYears(1).toString()))
                .post("/api/v1/compliance/school-checks")
                .then()
                .statusCode(403);
        given().header("Authorization", schoolA())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "providerId", provider.toString(),
                        "kind", "INSURANCE",
                        "evidenceReference", "x",
                        "checkedOn", LocalDate.now().toString(),
                        "expiresOn", LocalDate.now().toString()))
                .post("/api/v1/compliance/school-checks")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("expiresOn"));
    }
}
