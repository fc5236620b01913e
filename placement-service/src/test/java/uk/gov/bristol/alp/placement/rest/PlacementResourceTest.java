package uk.gov.bristol.alp.placement.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyIterable;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import uk.gov.bristol.alp.placement.domain.CostCodeView;
import uk.gov.bristol.alp.placement.domain.Placement;
import uk.gov.bristol.alp.placement.domain.PlacementContact;
import uk.gov.bristol.alp.placement.domain.ProviderView;
import uk.gov.bristol.alp.placement.domain.Pupil;
import uk.gov.bristol.alp.platform.codes.Ethnicity;
import uk.gov.bristol.alp.platform.codes.Sex;
import uk.gov.bristol.alp.testing.AlpServiceTestResource;
import uk.gov.bristol.alp.testing.AsyncApiContract;
import uk.gov.bristol.alp.testing.KafkaBroker;
import uk.gov.bristol.alp.testing.KafkaEvents;
import uk.gov.bristol.alp.testing.Ports;
import uk.gov.bristol.alp.testing.TestEvents;
import uk.gov.bristol.alp.testing.TestTokens;

@QuarkusTest
@QuarkusTestResource(
        value = AlpServiceTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "alp_placement"))
class PlacementResourceTest {
    @Inject
    EntityManager em;

    @Test
    void aSchoolCommissionsAPartTimePlacementWithAnApprovedProviderAndTheEventConforms() {
        UUID provider = approvedProvider("UNREGISTERED");
        String pupil = pupil(schoolA(), "100001", "K");

        String id = given().header("Authorization", schoolA())
                .contentType(ContentType.JSON)
                .body(placement(pupil, provider, seventeenAndAHalfHours()))
                .post("/api/v1/placements")
                .then()
                .statusCode(201)
                .body("status", equalTo("CONFIRMED"))
                .body("commissioner", equalTo("SCHOOL"))
                .body("hoursPerWeek", equalTo("17.50"))
                .body("hourlyRate", Matchers.nullValue())
                .extract()
                .path("id");
        // Finance prices it (its agreed rate, else the registry's): a school's own rate is refused, nothing made.
        Map<String, Object> withRate = placement(pupil(schoolA(), "100001", "K"), provider, seventeenAndAHalfHours());
        withRate.put("hourlyRate", "0.01");
        given().header("Authorization", schoolA())
                .contentType(ContentType.JSON)
                .body(withRate)
                .post("/api/v1/placements")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://alp.bristol.gov.uk/problems/rules/rate-set-by-finance"))
                .body("errors.field", contains("hourlyRate"));

        JsonNode event = KafkaEvents.awaitOne(
                KafkaBroker.shared().bootstrapServers(),
                "alp.placements.v1",
                KafkaEvents.ofType("uk.gov.bristol.alp.placement.confirmed.v1", id),
                Duration.ofSeconds(20));
        assertEquals(List.of(), AsyncApiContract.load().violations("alp.placements.v1", event));
        assertEquals("17.50", event.path("data").path("hoursPerWeek").asText());
        assertEquals(false, event.path("data").has("firstName"), "no pupil names leave the service");

        given().header("Authorization", schoolA())
                .get("/api/v1/placements/{id}", id)
                .then()
                .statusCode(200)
                .body("pupilId", equalTo(pupil));
    }

    @Test
    void eighteenHoursIsFullTimeAndNeedsThePanelAndNothingIsCreated() {
        UUID provider = approvedProvider("REGISTERED_INDEPENDENT_SCHOOL");
        String pupil = pupil(schoolA(), "100001", "N");
        given().header("Authorization", schoolA())
                .contentType(ContentType.JSON)
                .body(placement(pupil, provider, eighteenHours()))
                .post("/api/v1/placements")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://alp.bristol.gov.uk/problems/rules/full-time-needs-panel-decision"));
        given().header("Authorization", schoolA())
                .get("/api/v1/pupils/{id}/placements", pupil)
                .then()
                .statusCode(200)
                .body("$", emptyIterable());
    }

    @Test
    void aSettingNamedOnAnEhcPlanNeedsSenProvisionEAndTheSendTeamMayCommissionInAnEmergency() {
        UUID provider = approvedProvider("REGISTERED_INDEPENDENT_SCHOOL");
        String supportOnly = pupil(schoolA(), "100001", "K");
        Map<String, Object> body = placement(supportOnly, provider, seventeenAndAHalfHours());
        body.put("reasonCode", "EHC_PLAN_NAMED_SETTING");
        given().header("Authorization", schoolA())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/placements")
                .then()
                .statusCode(422)
                .body(
                        "type",
                        equalTo("https://alp.bristol.gov.uk/problems/rules/ehc-plan-reason-needs-sen-provision-e"))
                .body("errors[0].field", equalTo("reasonCode"));
        given().header("Authorization", schoolA())
                .get("/api/v1/pupils/{id}/placements", supportOnly)
                .then()
                .statusCode(200)
                .body("$", emptyIterable());

        String withPlan = pupil(schoolA(), "100001", "E");
        body = placement(withPlan, provider, seventeenAndAHalfHours());
        body.put("reasonCode", "EHC_PLAN_NAMED_SETTING");
        // The SEND team commissions only in an emergency, and says what it is; the Hub sees the placement at once.
        given().header("Authorization", TestTokens.sendOfficer())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/placements")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://alp.bristol.gov.uk/problems/rules/send-emergency-only"))
                .body("errors[0].field", equalTo("emergencyReason"));
        body.put("emergencyReason", "Named setting's place lapses on Friday; panel not until next month");
        String placementId = given().header("Authorization", TestTokens.sendOfficer())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/placements")
                .then()
                .statusCode(201)
                .body("commissioner", equalTo("SEND"))
                .body("emergencyReason", equalTo("Named setting's place lapses on Friday; panel not until next month"))
                .body("reasonCode", equalTo("EHC_PLAN_NAMED_SETTING"))
                .body("reviewNeeded", equalTo(false))
                .extract()
                .path("id");
        // The plan ends (SEN support from now on): the placement in the setting the plan named needs review.
        String etag = given().header("Authorization", schoolA())
                .get("/api/v1/pupils/{id}", withPlan)
                .header("ETag");
        given().header("Authorization", schoolA())
                .header("If-Match", etag)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "firstName",
                        "Sam",
                        "lastName",
                        "Taylor",
                        "dateOfBirth",
                        "2012-03-04",
                        "senProvision",
                        "K",
                        "sex",
                        "M",
                        "ethnicity",
                        "WBRI",
                        "lookedAfter",
                        false))
                .put("/api/v1/pupils/{id}", withPlan)
                .then()
                .statusCode(200)
                .body("senProvision", equalTo("K"));
        given().header("Authorization", schoolA())
                .get("/api/v1/placements/{id}", placementId)
                .then()
                .body("reviewNeeded", equalTo(true))
                .body("reviewReason", Matchers.containsString("now K"));
        String emergencies = "/api/v1/placements/attention?kind=SEND_EMERGENCY";
        given().header("Authorization", TestTokens.hubOfficer())
                .get(emergencies)
                .then()
                .statusCode(200)
                .body("placementId", Matchers.hasItem(placementId));
        given().header("Authorization", TestTokens.hubOfficer())
                .contentType(ContentType.JSON)
                .body(Map.of("note", "Emergency justified; the pupil is now on SEN support, so the panel considers it"))
                .post("/api/v1/placements/{id}/reviewed", placementId)
                .then()
                .statusCode(200)
                .body("reviewNeeded", equalTo(false));
        given().header("Authorization", TestTokens.hubOfficer())
                .get(emergencies)
                .then()
                .statusCode(200)
                .body("placementId", Matchers.not(Matchers.hasItem(placementId)));
        body.put("reasonCode", "NOT_A_REASON");
        given().header("Authorization", schoolA())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/placements")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("reasonCode"));
    }

    @Test
    void aSuspendedOrUnknownProviderIsRefusedAndNothingIsCreated() {
        UUID provider =
                provider("APPROVED", "UNREGISTERED", true, OffsetDateTime.now().minusMinutes(5));
        awaitProviderStatus(provider, "APPROVED");
        providerEvent(provider, UUID.randomUUID(), "SUSPENDED", "UNREGISTERED", true, OffsetDateTime.now());
        awaitProviderStatus(provider, "SUSPENDED");
        String pupil = pupil(schoolA(), "100001", "K");

        given().header("Authorization", schoolA())
                .contentType(ContentType.JSON)
                .body(placement(pupil, provider, seventeenAndAHalfHours()))
                .post("/api/v1/placements")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://alp.bristol.gov.uk/problems/rules/provider-not-approved"))
                .body("errors.field", contains("providerId"));
        given().header("Authorization", schoolA())
                .contentType(ContentType.JSON)
                .body(placement(pupil, UUID.randomUUID(), seventeenAndAHalfHours()))
                .post("/api/v1/placements")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://alp.bristol.gov.uk/problems/rules/provider-not-approved"));
        given().header("Authorization", schoolA())
                .get("/api/v1/pupils/{id}/placements", pupil)
                .then()
                .statusCode(200)
                .body("$", emptyIterable());
    }

    @Test
    void aProviderWhoseEvidenceLapsedIsRefusedToTheHubAndToASchoolWithoutItsOwnChecks() {
        UUID provider =
                provider("APPROVED", "UNREGISTERED", true, OffsetDateTime.now().minusMinutes(5));
        awaitProviderStatus(provider, "APPROVED");
        providerEvent(provider, UUID.randomUUID(), "APPROVED", "UNREGISTERED", false, OffsetDateTime.now());
        Ports.await(
                "lapse in the read model",
                Duration.ofSeconds(30),
                () -> QuarkusTransaction.requiringNew()
                        .call(() -> !ProviderView.<ProviderView>findById(provider).compliant));
        String pupil = pupil(schoolA(), "100001", "K");
        given().header("Authorization", TestTokens.hubOfficer())
                .contentType(ContentType.JSON)
                .body(placement(pupil, provider, seventeenAndAHalfHours()))
                .post("/api/v1/placements")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://alp.bristol.gov.uk/problems/rules/provider-not-approved"))
                .body("detail", equalTo("the provider's compliance has lapsed"));
        given().header("Authorization", schoolA())
                .contentType(ContentType.JSON)
                .body(placement(pupil, provider, seventeenAndAHalfHours()))
                .post("/api/v1/placements")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://alp.bristol.gov.uk/problems/rules/school-checks-required"))
                .body(
                        "detail",
                        equalTo(
                                "the provider's framework status is APPROVED with lapsed evidence: record the school's own "
                                        + "checks first"));
    }

    @Test
    void aLateOlderProviderEventDoesNotOverwriteANewerOneAndARedeliveryChangesNothing() {
        UUID provider = UUID.randomUUID();
        UUID approved = UUID.randomUUID();
        UUID lateSuspension = UUID.randomUUID();
        providerEvent(provider, approved, "APPROVED", "UNREGISTERED", true, OffsetDateTime.now());
        awaitProviderStatus(provider, "APPROVED");
        providerEvent(
                provider,
                lateSuspension,
                "SUSPENDED",
                "UNREGISTERED",
                true,
                OffsetDateTime.now().minusHours(1));
        providerEvent(provider, approved, "APPROVED", "UNREGISTERED", false, OffsetDateTime.now());

        Ports.await("the late event handled", Duration.ofSeconds(30), () -> inboxRows(lateSuspension) == 1);
        UUID marker = provider("APPROVED", "UNREGISTERED", true, OffsetDateTime.now());
        awaitProviderStatus(marker, "APPROVED");
        assertEquals(1L, inboxRows(approved), "the redelivered event is recorded once");
        ProviderView view = QuarkusTransaction.requiringNew().call(() -> ProviderView.findById(provider));
        assertEquals("APPROVED", view.frameworkStatus, "an older event never overwrites a newer one");
        assertEquals(true, view.compliant, "the redelivered copy changed nothing");
    }

    @Test
    void anEventWithAttributesAndFieldsThisServiceDoesNotKnowIsStillApplied() throws Exception {
        UUID provider = UUID.randomUUID();
        Map<String, Object> data = new HashMap<>();
        data.put("providerId", provider.toString());
        data.put("name", "Provider " + provider);
        data.put("registrationStatus", "UNREGISTERED");
        data.put("leadAuthority", "bristol");
        data.put("frameworkStatus", "APPROVED");
        data.put("compliant", true);
        data.put("compliantUntil", LocalDate.now().plusYears(1).toString());
        data.put("fieldFromALaterMinorVersion", "ignored");
        ObjectNode envelope = (ObjectNode) new ObjectMapper()
                .readTree(TestEvents.envelope(
                        UUID.randomUUID(),
                        "uk.gov.bristol.alp.provider.approved.v1",
                        provider.toString(),
                        OffsetDateTime.now(),
                        data));
        envelope.put("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        envelope.put("someextension", "a CloudEvents extension attribute");
        TestEvents.publish("alp.providers.v1", provider.toString(), envelope.toString());
        awaitProviderStatus(provider, "APPROVED");
    }

    @Test
    void aPlacementNamesOnlyAnActiveFinanceCostCode() {
        UUID provider = approvedProvider("UNREGISTERED");
        String code = "ALP-T" + (System.nanoTime() % 100000);
        costCodeEvent(code, "ACTIVE", OffsetDateTime.now().minusMinutes(1));
        Ports.await(
                "cost code " + code + " known",
                Duration.ofSeconds(30),
                () -> QuarkusTransaction.requiringNew().call(() -> CostCodeView.findById(code) != null));

        Map<String, Object> coded = placement(pupil(schoolA(), "100001", "K"), provider, seventeenAndAHalfHours());
        coded.put("costCode", code);
        given().header("Authorization", schoolA())
                .contentType(ContentType.JSON)
                .body(coded)
                .post("/api/v1/placements")
                .then()
                .statusCode(201)
                .body("costCode", equalTo(code));

        Map<String, Object> unknown = placement(pupil(schoolA(), "100001", "K"), provider, seventeenAndAHalfHours());
        unknown.put("costCode", "ALP-NO-SUCH");
        given().header("Authorization", schoolA())
                .contentType(ContentType.JSON)
                .body(unknown)
                .post("/api/v1/placements")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://alp.bristol.gov.uk/problems/rules/unknown-cost-code"))
                .body("errors.field", contains("costCode"));

        costCodeEvent(code, "RETIRED", OffsetDateTime.now());
        Ports.await(
                "cost code " + code + " retired",
                Duration.ofSeconds(30),
                () -> QuarkusTransaction.requiringNew()
                        .call(() -> !CostCodeView.<CostCodeView>findById(code).active()));
        Map<String, Object> retired = placement(pupil(schoolA(), "100001", "K"), provider, seventeenAndAHalfHours());
        retired.put("costCode", code);
        given().header("Authorization", schoolA())
                .contentType(ContentType.JSON)
                .body(retired)
                .post("/api/v1/placements")
                .then()
                .statusCode(422)
                .body("detail", containsString("RETIRED"));
    }

    private static void costCodeEvent(String code, String status, OffsetDateTime at) {
        TestEvents.publish(
                "alp.finance.v1",
                code,
                TestEvents.envelope(
                        UUID.randomUUID(),
                        "uk.gov.bristol.alp.finance.cost-code-changed.v1",
                        code,
                        at,
                        Map.of(
                                "code",
                                code,
                                "description",
                                "test code",
                                "fundingStream",
                                "HIGH_NEEDS_BLOCK",
                                "status",
                                status,
                                "changedAt",
                                at.toString())));
    }

    @Test
    void anUnregisteredProviderNeverTakesAPupilToTheFullTimeThreshold() {
        UUID provider = approvedProvider("UNREGISTERED");
        String pupil = pupil(TestTokens.hubOfficer(), "100001", "E");
        // The Hub may commission outside a panel only part time as well; the hours rule is the same threshold.
        given().header("Authorization", TestTokens.hubOfficer())
                .contentType(ContentType.JSON)
                .body(placement(pupil, provider, eighteenHours()))
                .post("/api/v1/placements")
                .then()
                .statusCode(422);
    }

    @Test
    void overlappingSessionsAreRefusedNamingTheTimetable() {
        UUID provider = approvedProvider("UNREGISTERED");
        String pupil = pupil(schoolA(), "100001", "N");
        given().header("Authorization", schoolA())
                .contentType(ContentType.JSON)
                .body(placement(
                        pupil,
                        provider,
                        List.of(session("MONDAY", "09:00", "12:00"), session("MONDAY", "11:00", "13:00"))))
                .post("/api/v1/placements")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://alp.bristol.gov.uk/problems/rules/timetable"))
                .body("errors.rule", hasItem("noOverlap"));
    }

    @Test
    void anotherSchoolCannotSeeThePupilOrThePlacementAndNoTokenIs401() {
        UUID provider = approvedProvider("UNREGISTERED");
        String pupil = pupil(schoolA(), "100001", "K");
        String id = given().header("Authorization", schoolA())
                .contentType(ContentType.JSON)
                .body(placement(pupil, provider, seventeenAndAHalfHours()))
                .post("/api/v1/placements")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        given().header("Authorization", schoolB())
                .get("/api/v1/pupils/{id}", pupil)
                .then()
                .statusCode(404)
                .body("firstName", Matchers.nullValue());
        given().header("Authorization", schoolB())
                .get("/api/v1/placements/{id}", id)
                .then()
                .statusCode(404)
                .body("pupilId", Matchers.nullValue());
        given().header("Authorization", schoolB())
                .contentType(ContentType.JSON)
                .body(placement(pupil, provider, seventeenAndAHalfHours()))
                .post("/api/v1/placements")
                .then()
                .statusCode(404);
        given().header("Authorization", TestTokens.provider(provider.toString()))
                .get("/api/v1/placements/{id}", id)
                .then()
                .statusCode(200);
        given().header("Authorization", TestTokens.provider(UUID.randomUUID().toString()))
                .get("/api/v1/placements/{id}", id)
                .then()
                .statusCode(404);
        given().get("/api/v1/placements/{id}", id).then().statusCode(401).contentType("application/problem+json");

        // A panel member (often another school's head) reads referrals on their agendas, nothing here.
        String member = TestTokens.panelMember();
        for (String path : List.of(
                "/api/v1/pupils/" + pupil,
                "/api/v1/placements/" + id,
                "/api/v1/placements/" + id + "/contacts",
                "/api/v1/placements/" + id + "/attendance")) {
            given().header("Authorization", member).get(path).then().statusCode(Matchers.oneOf(403, 404));
        }
        given().header("Authorization", member).get("/api/v1/placements").then().statusCode(403);
    }

    @Test
    void aPageOfAListLinksToTheFirstPreviousNextAndLastPagesKeepingItsFilters() {
        UUID provider = approvedProvider("UNREGISTERED");
        for (int i = 0; i < 3; i++) {
            given().header("Authorization", schoolA())
                    .contentType(ContentType.JSON)
                    .body(placement(pupil(schoolA(), "100001", "K"), provider, seventeenAndAHalfHours()))
                    .post("/api/v1/placements")
                    .then()
                    .statusCode(201);
        }
        String list = "/api/v1/placements?providerId=" + provider + "&size=1";
        String links = given().header("Authorization", TestTokens.hubOfficer())
                .get(list + "&page=1")
                .then()
                .statusCode(200)
                .extract()
                .header("Link");
        assertEquals(
                "<" + list + "&page=0>; rel=\"first\", <" + list + "&page=0>; rel=\"prev\", <" + list
                        + "&page=2>; rel=\"next\", <" + list + "&page=2>; rel=\"last\"",
                links);
        // One page (or none): no previous or next.
        assertEquals(
                "</api/v1/placements?providerId=00000000-0000-0000-0000-000000000000&page=0>; rel=\"first\", "
                        + "</api/v1/placements?providerId=00000000-0000-0000-0000-000000000000&page=0>; rel=\"last\"",
                given().header("Authorization", TestTokens.hubOfficer())
                        .get("/api/v1/placements?providerId=00000000-0000-0000-0000-000000000000")
                        .then()
                        .statusCode(200)
                        .extract()
                        .header("Link"));
        // A query so long that four links would not fit the headers a proxy accepts: no links, still an answer.
        given().header("Authorization", TestTokens.hubOfficer())
                .get(list + "&ignored=" + "x".repeat(3000))
                .then()
                .statusCode(200)
                .header("Link", nullValue());
    }

    @Test
    void listsAreScopedToTheCallersSchoolOrProvider() {
        UUID provider = approvedProvider("UNREGISTERED");
        String pupil = pupil(schoolA(), "100001", "K");
        given().header("Authorization", schoolA())
                .contentType(ContentType.JSON)
                .body(placement(pupil, provider, seventeenAndAHalfHours()))
                .post("/api/v1/placements")
                .then()
                .statusCode(201);

        given().header("Authorization", schoolA())
                .get("/api/v1/placements?providerId={p}", provider)
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].pupilId", equalTo(pupil));
        given().header("Authorization", schoolB())
                .get("/api/v1/placements?providerId={p}", provider)
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(0));
        given().header("Authorization", TestTokens.provider(provider.toString()))
                .get("/api/v1/placements")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1));
        given().header("Authorization", TestTokens.hubOfficer())
                .get("/api/v1/placements?pupilId={p}", pupil)
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1));
        given().header("Authorization", TestTokens.financeOfficer())
                .get("/api/v1/placements")
                .then()
                .statusCode(403);
    }

    @Test
    void aSchoolCannotAddAnotherSchoolsPupilAndAnInvalidUpnIsNamed() {
        given().header("Authorization", schoolA())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "upn",
                        newUpn(),
                        "firstName",
                        "A",
                        "lastName",
                        "B",
                        "dateOfBirth",
                        "2012-01-01",
                        "schoolUrn",
                        "100002",
                        "senProvision",
                        "N"))
                .post("/api/v1/pupils")
                .then()
                .statusCode(403)
                .body("errors.field", contains("schoolUrn"));
        given().header("Authorization", schoolA())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "upn",
                        "A801200005001",
                        "firstName",
                        "A",
                        "lastName",
                        "B",
                        "dateOfBirth",
                        "2012-01-01",
                        "schoolUrn",
                        "100001",
                        "senProvision",
                        "X"))
                .post("/api/v1/pupils")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().header("Authorization", schoolA())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "upn",
                        "A801200005001",
                        "firstName",
                        "A",
                        "lastName",
                        "B",
                        "dateOfBirth",
                        "2012-01-01",
                        "schoolUrn",
                        "100001",
                        "senProvision",
                        "N"))
                .post("/api/v1/pupils")
                .then()
                .statusCode(400)
                .body("errors.field", contains("upn"))
                .body("errors.rule", contains("validUpn"));
    }

    @Test
    void aSchoolsUpnGivesAnotherSchoolNoSignal() {
        String upn = newUpn();
        String schoolAs = postPupil(schoolA(), "100001", upn)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String schoolBs = postPupil(schoolB(), "100002", upn)
                .then()
                .statusCode(201)
                .body("schoolUrn", equalTo("100002"))
                .body("firstName", equalTo("Sam"))
                .extract()
                .path("id");
        assertNotEquals(schoolAs, schoolBs, "school B gets its own record; nothing of school A's shows");
        postPupil(schoolA(), "100001", upn).then().statusCode(409).body("errors.rule", contains("uniqueAtSchool"));
        given().header("Authorization", schoolB())
                .get("/api/v1/pupils/{id}", schoolAs)
                .then()
                .statusCode(404);
    }

    @Test
    void aPupilAddedTwiceAtOnceGetsOne201AndOne409NeverA500() throws Exception {
        for (int round = 0; round < 10; round++) {
            String upn = newUpn();
            var pool = Executors.newFixedThreadPool(2);
            try {
                var first =
                        pool.submit(() -> postPupil(schoolA(), "100001", upn).statusCode());
                var second =
                        pool.submit(() -> postPupil(schoolA(), "100001", upn).statusCode());
                List<Integer> statuses = new ArrayList<>(List.of(first.get(), second.get()));
                Collections.sort(statuses);
                assertEquals(List.of(201, 409), statuses, "round " + round);
            } finally {
                pool.shutdown();
            }
        }
    }

    @Test
    void aRetriedPostWithTheSameIdempotencyKeyGetsTheFirstAnswerAndMakesNoTwin() {
        UUID provider = approvedProvider("UNREGISTERED");
        String pupil = pupil(schoolA(), "100001", "K");
        String key = "mis-retry-" + UUID.randomUUID();
        Map<String, Object> body = placement(pupil, provider, seventeenAndAHalfHours());

        String first = given().header("Authorization", schoolA())
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/placements")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().header("Authorization", schoolA())
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/placements")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .header("Location", Matchers.endsWith("/api/v1/placements/" + first))
                .body("id", equalTo(first));
        given().header("Authorization", schoolA())
                .get("/api/v1/placements?pupilId={p}", pupil)
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1));
        // The same key with another body is a mistake in the caller's system, not a retry: refused, nothing made.
        Map<String, Object> other = new HashMap<>(body);
        other.put("reason", "a different request");
        given().header("Authorization", schoolA())
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(other)
                .post("/api/v1/placements")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://alp.bristol.gov.uk/problems/rules/idempotency-key-reused"))
                .body("errors.field", contains("Idempotency-Key"));

        given().header("Authorization", schoolA())
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "upn",
                        newUpn(),
                        "firstName",
                        "A",
                        "lastName",
                        "B",
                        "dateOfBirth",
                        "2012-01-01",
                        "schoolUrn",
                        "100001",
                        "senProvision",
                        "N"))
                .post("/api/v1/pupils")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://alp.bristol.gov.uk/problems/rules/idempotency-key-reused"));
        // A refusal is an answer too: the retry sees the same refusal, not a second attempt.
        String refusedKey = "mis-refused-" + UUID.randomUUID();
        for (int attempt = 0; attempt < 2; attempt++) {
            given().header("Authorization", schoolA())
                    .header("Idempotency-Key", refusedKey)
                    .contentType(ContentType.JSON)
                    .body(placement(pupil, provider, eighteenHours()))
                    .post("/api/v1/placements")
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://alp.bristol.gov.uk/problems/rules/full-time-needs-panel-decision"));
        }
    }

    @Test
    void aKeyWhoseChangeCommittedButWhoseAnswerWasLostAnswers409AndMakesNoTwin() {
        String key = "mis-answer-lost-" + UUID.randomUUID();
        String upn = newUpn();
        // The key is written with the change it guards; the instance died before it stored the answer.
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("""
                                insert into idempotency_key (principal, key, method, path)
                                values ('school.100001', ?1, 'POST', '/api/v1/pupils')""").setParameter(1, key).executeUpdate());
        given().header("Authorization", schoolA())
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(pupilBody(upn, "100001"))
                .post("/api/v1/pupils")
                .then()
                .statusCode(409)
                .body("type", equalTo("https://alp.bristol.gov.uk/problems/rules/idempotency-key-in-progress"));
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> Pupil.count("upn", upn)));
    }

    /**
     * A contact log entry has no natural uniqueness, so only the key stops a twin: the same key sent twice at once
     * makes one entry (the second waits on the first's key, then its transaction rolls back).
     */
    @Test
    void theSameKeySentTwiceAtOnceMakesOneChange() throws Exception {
        UUID provider = approvedProvider("UNREGISTERED");
        Map<String, Object> startsToday =
                placement(pupil(schoolA(), "100001", "K"), provider, seventeenAndAHalfHours());
        startsToday.put("startDate", LocalDate.now().toString()); // contacts are logged from the start to today
        String placement = given().header("Authorization", schoolA())
                .contentType(ContentType.JSON)
                .body(startsToday)
                .post("/api/v1/placements")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                String key = "mis-twice-" + UUID.randomUUID();
                String summary = "Weekly call, round " + round + " " + key;
                CountDownLatch start = new CountDownLatch(1);
                Callable<Integer> send = () -> {
                    start.await();
                    return given().header("Authorization", schoolA())
                            .header("Idempotency-Key", key)
                            .contentType(ContentType.JSON)
                            .body(Map.of(
                                    "contactOn", LocalDate.now().toString(), "method", "PHONE", "summary", summary))
                            .post("/api/v1/placements/{id}/contacts", placement)
                            .statusCode();
                };
                Future<Integer> a = pool.submit(send);
                Future<Integer> b = pool.submit(send);
                start.countDown();
                List<Integer> statuses = new ArrayList<>(List.of(a.get(), b.get()));
                Collections.sort(statuses);
                assertEquals(201, statuses.get(0), "round " + round + ": " + statuses);
                assertTrue(statuses.get(1) == 201 || statuses.get(1) == 409, "round " + round + ": " + statuses);
                assertEquals(
                        1L,
                        (long) QuarkusTransaction.requiringNew().call(() -> PlacementContact.count("summary", summary)),
                        "round " + round + ": one entry");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aPupilsRecordIsNeverCached() {
        String pupil = pupil(schoolA(), "100001", "K");
        given().header("Authorization", schoolA())
                .get("/api/v1/pupils/{id}", pupil)
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store");
    }

    @Test
    void everyReadOfAPupilIsAudited() {
        String pupil = pupil(schoolA(), "100001", "K");
        given().header("Authorization", schoolA())
                .get("/api/v1/pupils/{id}", pupil)
                .then()
                .statusCode(200);
        given().header("Authorization", TestTokens.auditor())
                .get("/api/v1/pupils/{id}", pupil)
                .then()
                .statusCode(200);
        List<?> rows = QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery(
                                "select actor || ':' || action from audit_event where resource_type = 'pupil' and resource_id = ?1 order by id")
                        .setParameter(1, pupil)
                        .getResultList());
        assertEquals(List.of("school.100001:CREATE", "school.100001:READ", "auditor:READ"), rows);
    }

    @Test
    void anApprovePlacementDecisionBecomesAProposedPlacement() {
        UUID decision = UUID.randomUUID();
        UUID provider = UUID.randomUUID();
        String upn = newUpn();
        Map<String, Object> data = Map.of(
                "decisionId",
                decision.toString(),
                "referralId",
                UUID.randomUUID().toString(),
                "outcome",
                "APPROVE_PLACEMENT",
                "schoolUrn",
                "100001",
                "decidedBy",
                "panel.chair",
                "decidedAt",
                OffsetDateTime.now().toString(),
                "rationale",
                "graduated response exhausted",
                "pupil",
                Map.of(
                        "upn",
                        upn,
                        "firstName",
                        "Ava",
                        "lastName",
                        "Jones",
                        "dateOfBirth",
                        "2011-05-06",
                        "senProvision",
                        "E",
                        "ehcPlan",
                        true,
                        "lookedAfter",
                        true,
                        "ethnicity",
                        "BCRB",
                        "sex",
                        "F"),
                "placement",
                Map.of(
                        "providerId",
                        provider.toString(),
                        "hoursPerWeek",
                        "25",
                        "startDate",
                        LocalDate.now().plusDays(14).toString(),
                        "reviewDate",
                        LocalDate.now().plusDays(56).toString(),
                        "fundingRoute",
                        "HIGH_NEEDS"),
                "needsFinanceApproval",
                true);
        // School B has its own record of a pupil with this UPN: the decision on school A's referral must not touch it.
        String schoolBsRecord = postPupil(schoolB(), "100002", upn)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        UUID envelopeId = UUID.randomUUID();
        String envelope = TestEvents.envelope(
                envelopeId,
                "uk.gov.bristol.alp.panel.decision-made.v1",
                decision.toString(),
                OffsetDateTime.now(),
                data);
        TestEvents.publish("alp.panel.v1", decision.toString(), envelope);
        TestEvents.publish("alp.panel.v1", decision.toString(), envelope); // redelivered

        Ports.await(
                "proposed placement for decision",
                Duration.ofSeconds(30),
                () -> QuarkusTransaction.requiringNew().call(() -> Placement.count("decisionId", decision) == 1));
        Placement p = QuarkusTransaction.requiringNew()
                .call(() -> Placement.<Placement>find("decisionId", decision).firstResult());
        assertEquals(Placement.Status.PROPOSED, p.status);
        assertEquals(Placement.Route.PANEL_DECISION, p.route);
        assertEquals(LocalDate.now().plusDays(56), p.plannedEndDate, "only a review date: the placement runs to it");
        Pupil pupil = QuarkusTransaction.requiringNew().call(() -> Pupil.<Pupil>findById(p.pupilId));
        assertEquals("100001", pupil.schoolUrn, "the referring school's record, never another school's");
        assertNotEquals(schoolBsRecord, p.pupilId.toString());
        assertEquals(true, pupil.lookedAfter, "the decision carries the characteristics the authority monitors");
        assertEquals(Ethnicity.BCRB, pupil.ethnicity);
        assertEquals(Sex.F, pupil.sex);
        JsonNode event = KafkaEvents.awaitOne(
                KafkaBroker.shared().bootstrapServers(),
                "alp.placements.v1",
                KafkaEvents.ofType("uk.gov.bristol.alp.placement.proposed.v1", p.id.toString()),
                Duration.ofSeconds(20));
        assertEquals(List.of(), AsyncApiContract.load().violations("alp.placements.v1", event));
        assertEquals(true, event.path("data").path("ehcPlan").asBoolean());
        assertEquals(
                "test-" + envelopeId,
                event.path("correlationid").asText(),
                "the proposal carries the decision's correlation id");
        List<?> audit = QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery(
                                "select actor || ':' || action from audit_event where resource_type = 'pupil' and resource_id = ?1")
                        .setParameter(1, p.pupilId.toString())
                        .getResultList());
        assertEquals(List.of("system:CREATE"), audit, "a pupil recorded from a decision is audited");
    }

    @Test
    void aSchoolFindsItsOwnRecordOfAPupilByUpnAndNothingOfAnotherSchools() {
        String upn = newUpn();
        String schoolAsRecord = postPupil(schoolA(), "100001", upn)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String schoolBsRecord = postPupil(schoolB(), "100002", upn)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().header("Authorization", schoolA())
                .get("/api/v1/pupils?upn={upn}", upn)
                .then()
                .statusCode(200)
                .body("id", equalTo(List.of(schoolAsRecord)));
        String unknown = newUpn();
        given().header("Authorization", schoolA())
                .get("/api/v1/pupils?upn={upn}", unknown)
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
        given().header("Authorization", TestTokens.hubOfficer())
                .get("/api/v1/pupils?upn={upn}", upn)
                .then()
                .statusCode(200)
                .body("id", equalTo(List.of(schoolAsRecord, schoolBsRecord)));
        given().header("Authorization", schoolA())
                .get("/api/v1/pupils?upn=NOT-A-UPN")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem(containsString("upn")));
        given().header("Authorization", schoolA()).get("/api/v1/pupils").then().statusCode(400);
        given().header("Authorization", TestTokens.provider(UUID.randomUUID().toString()))
                .get("/api/v1/pupils?upn={upn}", upn)
                .then()
                .statusCode(403);
    }

    @Test
    void aReferralToTheSendTeamRequestsAnEhcNeedsAssessmentOnThePupilsRecord() {
        String upn = newUpn();
        String pupilId = postPupil(schoolA(), "100001", upn)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        UUID referral = UUID.randomUUID();
        OffsetDateTime decidedAt = OffsetDateTime.now().minusDays(3);
        Map<String, Object> data = Map.of(
                "decisionId",
                UUID.randomUUID().toString(),
                "referralId",
                referral.toString(),
                "outcome",
                "REFER_TO_SEND",
                "schoolUrn",
                "100001",
                "decidedAt",
                decidedAt.toString(),
                "decidedBy",
                "chair",
                "needsFinanceApproval",
                false,
                "pupil",
                Map.of(
                        "upn", upn,
                        "firstName", "Rowan",
                        "lastName", "Price",
                        "dateOfBirth", "2012-05-06",
                        "senProvision", "K"));
        TestEvents.publish(
                "alp.panel.v1",
                referral.toString(),
                TestEvents.envelope(
                        UUID.randomUUID(),
                        "uk.gov.bristol.alp.panel.decision-made.v1",
                        referral.toString(),
                        OffsetDateTime.now(),
                        data));

        Ports.await(
                "the assessment requested on the school's record",
                Duration.ofSeconds(30),
                () -> given().header("Authorization", schoolA())
                                .get("/api/v1/pupils/{id}", pupilId)
                                .path("ehcNeedsAssessment.status")
                        != null);
        LocalDate requested = decidedAt.toLocalDate();
        given().header("Authorization", schoolA())
                .get("/api/v1/pupils/{id}", pupilId)
                .then()
                .body("ehcNeedsAssessment.status", equalTo("REQUESTED"))
                .body("ehcNeedsAssessment.requestedOn", equalTo(requested.toString()))
                .body(
                        "ehcNeedsAssessment.planDueBy",
                        equalTo(requested.plusWeeks(20).toString()))
                .body("ehcNeedsAssessment.updatedBy", equalTo("inclusion-panel"));
    }

    @Test
    void aSupersededApprovalCancelsItsProposal() {
        UUID approval = UUID.randomUUID();
        UUID referral = UUID.randomUUID();
        Map<String, Object> approve = Map.of(
                "decisionId",
                approval.toString(),
                "referralId",
                referral.toString(),
                "outcome",
                "APPROVE_PLACEMENT",
                "schoolUrn",
                "100001",
                "decidedBy",
                "panel.chair",
                "decidedAt",
                OffsetDateTime.now().toString(),
                "needsFinanceApproval",
                false,
                "pupil",
                Map.of(
                        "upn",
                        newUpn(),
                        "firstName",
                        "Eli",
                        "lastName",
                        "Khan",
                        "dateOfBirth",
                        "2012-02-02",
                        "senProvision",
                        "K"),
                "placement",
                Map.of(
                        "providerId",
                        UUID.randomUUID().toString(),
                        "hoursPerWeek",
                        "20",
                        "startDate",
                        LocalDate.now().plusDays(7).toString(),
                        "plannedEndDate",
                        LocalDate.now().plusDays(90).toString(),
                        "fundingRoute",
                        "HIGH_NEEDS"));
        TestEvents.publish(
                "alp.panel.v1",
                referral.toString(),
                TestEvents.envelope(
                        UUID.randomUUID(),
                        "uk.gov.bristol.alp.panel.decision-made.v1",
                        referral.toString(),
                        OffsetDateTime.now(),
                        approve));
        Ports.await(
                "proposal for the approval",
                Duration.ofSeconds(30),
                () -> QuarkusTransaction.requiringNew().call(() -> Placement.count("decisionId", approval) == 1));

        UUID decline = UUID.randomUUID();
        Map<String, Object> superseding = Map.of(
                "decisionId",
                decline.toString(),
                "referralId",
                referral.toString(),
                "outcome",
                "DECLINE",
                "schoolUrn",
                "100001",
                "decidedBy",
                "panel.chair",
                "decidedAt",
                OffsetDateTime.now().toString(),
                "needsFinanceApproval",
                false,
                "supersedesDecisionId",
                approval.toString(),
                "supersedeReason",
                "The provider withdrew its offer");
        TestEvents.publish(
                "alp.panel.v1",
                referral.toString(),
                TestEvents.envelope(
                        UUID.randomUUID(),
                        "uk.gov.bristol.alp.panel.decision-made.v1",
                        referral.toString(),
                        OffsetDateTime.now(),
                        superseding));
        Ports.await(
                "the proposal cancelled",
                Duration.ofSeconds(30),
                () -> QuarkusTransaction.requiringNew()
                                .call(() -> Placement.<Placement>find("decisionId", approval)
                                        .firstResult()
                                        .status)
                        == Placement.Status.CANCELLED);
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> Placement.count("decisionId", decline)));
    }

    private long inboxRows(UUID eventId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery("select count(*) from inbox_message where event_id = ?1")
                                .setParameter(1, eventId)
                                .getSingleResult())
                        .longValue());
    }
}
