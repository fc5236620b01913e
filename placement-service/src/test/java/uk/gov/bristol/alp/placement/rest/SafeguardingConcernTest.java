package uk.gov.bristol.alp.placement.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.approvedProvider;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.placement;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.pupil;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.schoolA;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.session;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.gov.bristol.alp.placement.domain.Placement;
import uk.gov.bristol.alp.placement.service.OversightService;
import uk.gov.bristol.alp.placement.service.PlacementService;
import uk.gov.bristol.alp.testing.AlpServiceTestResource;
import uk.gov.bristol.alp.testing.AsyncApiContract;
import uk.gov.bristol.alp.testing.KafkaBroker;
import uk.gov.bristol.alp.testing.KafkaEvents;
import uk.gov.bristol.alp.testing.Ports;
import uk.gov.bristol.alp.testing.TestEvents;
import uk.gov.bristol.alp.testing.TestTokens;

/**
 * Safeguarding concerns from raised to closed, who may do what with them, their escalation when nobody
 * acknowledges them (3 s in tests), and placements flagged for review on the Hub's attention list.
 */
@QuarkusTest
@QuarkusTestResource(
        value = AlpServiceTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "alp_placement"))
class SafeguardingConcernTest {
    private static final String RULES = "https://alp.bristol.gov.uk/problems/rules/";

    @Inject
    PlacementService placements;

    @Inject
    OversightService oversight;

    private static String confirmedPlacement(UUID provider) {
        String pupil = pupil(schoolA(), "100001", "K");
        return given().header("Authorization", schoolA())
                .contentType(ContentType.JSON)
                .body(placement(pupil, provider, List.of(session("TUESDAY", "09:00", "12:00"))))
                .post("/api/v1/placements")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static String raise(String token, String placement, String severity) {
        return given().header("Authorization", token)
                .contentType(ContentType.JSON)
                .body(Map.of("severity", severity, "summary", "Pupil disclosed something to a key worker"))
                .post("/api/v1/placements/{id}/safeguarding-concerns", placement)
                .then()
                .statusCode(201)
                .header("Location", notNullValue())
                .body("status", equalTo("RAISED"))
                .extract()
                .path("id");
    }

    private static List<String> attention(String kind) {
        return given().header("Authorization", TestTokens.hubOfficer())
                .get("/api/v1/placements/attention?kind=" + kind)
                .then()
                .statusCode(200)
                .extract()
                .path("occurrence");
    }

    private static JsonNode attentionEvent(String occurrence, String kind) {
        JsonNode e = KafkaEvents.awaitOne(
                KafkaBroker.shared().bootstrapServers(),
                "alp.placements.v1",
                n -> "uk.gov.bristol.alp.placement.attention-needed.v1"
                                .equals(n.path("type").asText())
                        && kind.equals(n.path("data").path("kind").asText())
                        && occurrence.equals(n.path("data").path("occurrence").asText()),
                Duration.ofSeconds(20));
        assertEquals(List.of(), AsyncApiContract.load().violations("alp.placements.v1", e));
        return e;
    }

    @Test
    void aCommitmentOverdueForFinanceApprovalPutsItsPlacementOnTheHubsListUntilApproved() {
        String placement = confirmedPlacement(approvedProvider("REGISTERED_INDEPENDENT_SCHOOL"));
        UUID commitment = UUID.randomUUID();
        OffsetDateTime dueBy = OffsetDateTime.now().minusHours(1);
        String occurrence = commitment + "/" + dueBy.toLocalDate();
        TestEvents.publish(
                "alp.finance.v1",
                placement,
                TestEvents.envelope(
                        UUID.randomUUID(),
                        "uk.gov.bristol.alp.finance.commitment-approval-overdue.v1",
                        placement,
                        OffsetDateTime.now(),
                        Map.of(
                                "commitmentId", commitment.toString(),
                                "placementId", placement,
                                "providerId", UUID.randomUUID().toString(),
                                "ehcPlan", true,
                                "dueBy", dueBy.toString())));
        Ports.await(
                "the placement on the Hub's list",
                Duration.ofSeconds(20),
                () -> attention("FUNDING_APPROVAL_OVERDUE").contains(occurrence));
        // The sweep announces it once, for the Hub's duty inbox.
        ZonedDateTime now = ZonedDateTime.now();
        oversight.raiseNew(now);
        assertEquals(0, oversight.raiseNew(now), "announced once");
        assertEquals(
                placement,
                attentionEvent(occurrence, "FUNDING_APPROVAL_OVERDUE")
                        .path("data")
                        .path("placementId")
                        .asText());

        TestEvents.publish(
                "alp.finance.v1",
                placement,
                TestEvents.envelope(
                        UUID.randomUUID(),
                        "uk.gov.bristol.alp.finance.commitment-approved.v1",
                        placement,
                        OffsetDateTime.now(),
                        Map.of(
                                "commitmentId", commitment.toString(),
                                "placementId", placement,
                                "approvedAt", OffsetDateTime.now().toString())));
        Ports.await(
                "the placement off the Hub's list once approved",
                Duration.ofSeconds(20),
                () -> !attention("FUNDING_APPROVAL_OVERDUE").contains(occurrence));
    }

    @Test
    void aConcernRaisedByTheProviderIsOnTheAttentionListAtOnceUntilAcknowledgedThenWorkedAndClosed() {
        UUID provider = approvedProvider("REGISTERED_INDEPENDENT_SCHOOL");
        String placement = confirmedPlacement(provider);
        String providerToken = TestTokens.provider(provider.toString());
        String concern = raise(providerToken, placement, "HIGH");

        assertThat(attention("SAFEGUARDING_CONCERN"), hasItem(concern));
        JsonNode event = attentionEvent(concern, "SAFEGUARDING_CONCERN");
        assertFalse(event.path("data").path("detail").asText().contains("disclosed"), "never what was said");

        String hub = TestTokens.hubOfficer();
        // Only a Hub officer acknowledges; the school and the provider may note what they did.
        given().header("Authorization", schoolA())
                .post("/api/v1/safeguarding-concerns/{id}/acknowledge", concern)
                .then()
                .statusCode(403);
        given().header("Authorization", hub)
                .post("/api/v1/safeguarding-concerns/{id}/acknowledge", concern)
                .then()
                .statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED"))
                .body("acknowledgedBy", notNullValue());
        assertThat(attention("SAFEGUARDING_CONCERN"), not(hasItem(concern)));
        given().header("Authorization", hub)
                .post("/api/v1/safeguarding-concerns/{id}/acknowledge", concern)
                .then()
                .statusCode(409)
                .body("type", equalTo(RULES + "safeguarding-concern-status"));

        given().header("Authorization", hub)
                .contentType(ContentType.JSON)
                .body(Map.of("assignee", "dsl.hub"))
                .post("/api/v1/safeguarding-concerns/{id}/assign", concern)
                .then()
                .statusCode(200)
                .body("assignedTo", equalTo("dsl.hub"));
        given().header("Authorization", providerToken)
                .contentType(ContentType.JSON)
                .body(Map.of("note", "Key worker's written account sent to the school's DSL"))
                .post("/api/v1/safeguarding-concerns/{id}/actions", concern)
                .then()
                .statusCode(200)
                .body("actions.size()", equalTo(2))
                .body("actions[1].note", equalTo("Key worker's written account sent to the school's DSL"));
        given().header("Authorization", hub)
                .contentType(ContentType.JSON)
                .body(Map.of("outcome", "REFERRED_TO_CHILDRENS_SOCIAL_CARE", "note", "Referral made the same day"))
                .post("/api/v1/safeguarding-concerns/{id}/close", concern)
                .then()
                .statusCode(200)
                .body("status", equalTo("CLOSED"))
                .body("outcome", equalTo("REFERRED_TO_CHILDRENS_SOCIAL_CARE"));
        given().header("Authorization", providerToken)
                .contentType(ContentType.JSON)
                .body(Map.of("note", "too late"))
                .post("/api/v1/safeguarding-concerns/{id}/actions", concern)
                .then()
                .statusCode(409)
                .body("type", equalTo(RULES + "safeguarding-concern-status"));
        given().header("Authorization", TestTokens.auditor())
                .get("/api/v1/safeguarding-concerns/{id}", concern)
                .then()
                .statusCode(200)
                .body("closedBy", notNullValue());
    }

    @Test
    void eachSchoolAndProviderSeesOnlyItsOwnPlacementsConcerns() {
        UUID provider = approvedProvider("REGISTERED_INDEPENDENT_SCHOOL");
        UUID other = approvedProvider("REGISTERED_INDEPENDENT_SCHOOL");
        String placement = confirmedPlacement(provider);
        String concern = raise(schoolA(), placement, "LOW");

        given().header("Authorization", TestTokens.provider(other.toString()))
                .get("/api/v1/safeguarding-concerns/{id}", concern)
                .then()
                .statusCode(404);
        given().header("Authorization", TestTokens.school("100999"))
                .get("/api/v1/safeguarding-concerns/{id}", concern)
                .then()
                .statusCode(404);
        given().header("Authorization", TestTokens.provider(other.toString()))
                .contentType(ContentType.JSON)
                .body(Map.of("severity", "LOW", "summary", "not ours"))
                .post("/api/v1/placements/{id}/safeguarding-concerns", placement)
                .then()
                .statusCode(404);
        assertEquals(
                List.of(concern),
                given().header("Authorization", TestTokens.provider(provider.toString()))
                        .get("/api/v1/safeguarding-concerns?placementId=" + placement)
                        .then()
                        .statusCode(200)
                        .body("totalItems", equalTo(1))
                        .extract()
                        .path("items.id"));
        // The SEND team may raise one (it logs contacts on its placements); finance may not.
        raise(TestTokens.sendOfficer(), placement, "LOW");
        given().header("Authorization", TestTokens.financeOfficer())
                .contentType(ContentType.JSON)
                .body(Map.of("severity", "LOW", "summary", "finance cannot raise"))
                .post("/api/v1/placements/{id}/safeguarding-concerns", placement)
                .then()
                .statusCode(403);
        given().header("Authorization", schoolA())
                .contentType(ContentType.JSON)
                .body(Map.of("severity", "SEVERE", "summary", "x"))
                .post("/api/v1/placements/{id}/safeguarding-concerns", placement)
                .then()
                .statusCode(400);
    }

    @Test
    void aConcernNobodyAcknowledgesEscalatesOnceItHasWaitedTooLong() throws InterruptedException {
        UUID provider = approvedProvider("REGISTERED_INDEPENDENT_SCHOOL");
        String concern = raise(schoolA(), confirmedPlacement(provider), "MEDIUM");
        assertThat(attention("SAFEGUARDING_ESCALATED"), not(hasItem(concern)));
        Thread.sleep(3_500); // the test profile escalates after 3 s
        assertThat(attention("SAFEGUARDING_ESCALATED"), hasItem(concern));
        given().header("Authorization", TestTokens.hubOfficer())
                .post("/api/v1/safeguarding-concerns/{id}/acknowledge", concern)
                .then()
                .statusCode(200);
        assertThat(attention("SAFEGUARDING_ESCALATED"), not(hasItem(concern)));
    }

    @Test
    void aConfirmedPlacementWhosePanelDecisionIsSupersededIsFlaggedForTheHubUntilReviewed() {
        UUID provider = approvedProvider("REGISTERED_INDEPENDENT_SCHOOL");
        String placement = confirmedPlacement(provider);
        UUID decision = UUID.randomUUID();
        QuarkusTransaction.requiringNew()
                .run(() -> Placement.<Placement>findById(UUID.fromString(placement)).decisionId = decision);
        placements.withdrawSuperseded(decision, UUID.randomUUID());

        String reason = given().header("Authorization", TestTokens.hubOfficer())
                .get("/api/v1/placements/{id}", placement)
                .then()
                .statusCode(200)
                .body("status", equalTo("CONFIRMED"))
                .body("reviewNeeded", equalTo(true))
                .extract()
                .path("reviewReason");
        assertThat(attention("REVIEW_NEEDED"), hasItem(reason));
        given().header("Authorization", schoolA())
                .contentType(ContentType.JSON)
                .body(Map.of("note", "seen"))
                .post("/api/v1/placements/{id}/reviewed", placement)
                .then()
                .statusCode(403);
        given().header("Authorization", TestTokens.hubOfficer())
                .contentType(ContentType.JSON)
                .body(Map.of("note", "The new decision keeps the same provider; placement continues"))
                .post("/api/v1/placements/{id}/reviewed", placement)
                .then()
                .statusCode(200)
                .body("reviewNeeded", equalTo(false));
        assertThat(attention("REVIEW_NEEDED"), not(hasItem(reason)));
        assertEquals(0L, (long) QuarkusTransaction.requiringNew()
                .call(() -> Placement.count("id = ?1 and reviewNeeded = true", UUID.fromString(placement))));
    }
}
