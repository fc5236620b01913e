package uk.gov.bristol.alp.placement.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.START;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.acceptOffer;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.approvedProvider;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.newUpn;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.placement;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.proposedFromPanel;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.providerEvent;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.pupil;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.pupilWithUpn;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.schoolA;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.schoolB;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.session;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import uk.gov.bristol.alp.placement.domain.ProviderView;
import uk.gov.bristol.alp.testing.AlpServiceTestResource;
import uk.gov.bristol.alp.testing.Ports;
import uk.gov.bristol.alp.testing.TestTokens;

/** Education Act 1996 s463: the unregistered-provider limit on a pupil's total hours, and the live monitor. */
@QuarkusTest
@QuarkusTestResource(
        value = AlpServiceTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "alp_placement"))
class RegistrationRiskTest {
    private static final String RISK = "/api/v1/compliance/registration-risk";
    private OffsetDateTime clock = OffsetDateTime.now();

    @Test
    void aPupilsHoursAtAnUnregisteredProviderAreLimitedAcrossTheirPlacementsThere() {
        UUID provider = approvedProvider("UNREGISTERED");
        String pupil = pupil(schoolA(), "100001", "K");
        given().header("Authorization", schoolA())
                .contentType(ContentType.JSON)
                .body(placement(
                        pupil,
                        provider,
                        List.of(session("MONDAY", "09:00", "14:00"), session("TUESDAY", "09:00", "14:00"))))
                .post("/api/v1/placements")
                .then()
                .statusCode(201);
        given().header("Authorization", schoolA())
                .contentType(ContentType.JSON) // 10 + 8 = 18: refused
                .body(placement(pupil, provider, List.of(session("WEDNESDAY", "09:00", "17:00"))))
                .post("/api/v1/placements")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://alp.bristol.gov.uk/problems/rules/unregistered-provider-hours-limit"));
        given().header("Authorization", schoolA())
                .contentType(ContentType.JSON) // 10 + 7.5 = 17.5: allowed
                .body(placement(pupil, provider, List.of(session("WEDNESDAY", "09:00", "16:30"))))
                .post("/api/v1/placements")
                .then()
                .statusCode(201);
    }

    @Test
    void theLimitIsTheChildsAcrossEverySchoolsRecordOfTheirUpn() {
        UUID provider = approvedProvider("UNREGISTERED");
        String upn = newUpn();
        String atSchoolA = pupilWithUpn(schoolA(), "100001", upn);
        String atSchoolB = pupilWithUpn(schoolB(), "100002", upn); // dual registered: each school has its own record
        given().header("Authorization", schoolA())
                .contentType(ContentType.JSON)
                .body(placement(
                        atSchoolA,
                        provider,
                        List.of(session("MONDAY", "09:00", "14:00"), session("TUESDAY", "09:00", "14:00"))))
                .post("/api/v1/placements")
                .then()
                .statusCode(201);
        given().header("Authorization", schoolB())
                .contentType(ContentType.JSON) // the same child: 10 + 10 = 20 there
                .body(placement(
                        atSchoolB,
                        provider,
                        List.of(session("WEDNESDAY", "09:00", "14:00"), session("THURSDAY", "09:00", "14:00"))))
                .post("/api/v1/placements")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://alp.bristol.gov.uk/problems/rules/unregistered-provider-hours-limit"));
    }

    @Test
    void theFifthFullTimePupilAtAnUnregisteredProviderPutsItOnTheMonitor() {
        UUID provider = approvedProvider("REGISTERED_INDEPENDENT_SCHOOL");
        List<UUID> proposals = List.of(
                proposedFromPanel(provider, "K"),
                proposedFromPanel(provider, "K"),
                proposedFromPanel(provider, "N"),
                proposedFromPanel(provider, "K"),
                proposedFromPanel(provider, "N"));
        for (int i = 0; i < 4; i++) {
            confirm(proposals.get(i));
        }
        becomes(provider, "UNREGISTERED");
        given().header("Authorization", TestTokens.hubOfficer())
                .get(RISK)
                .then()
                .statusCode(200)
                .body("providerId", Matchers.not(Matchers.hasItem(provider.toString())));

        becomes(provider, "REGISTERED_INDEPENDENT_SCHOOL");
        confirm(proposals.get(4));
        becomes(provider, "UNREGISTERED");
        String mine = "find { it.providerId == '" + provider + "' }";
        given().header("Authorization", TestTokens.auditor())
                .get(RISK)
                .then()
                .statusCode(200)
                .body(mine + ".fullTimePupilCount", equalTo(5))
                .body(mine + ".mustRegister", equalTo(true))
                .body(
                        mine + ".reasons[0]",
                        equalTo("5 pupils in full-time education (registration is required from 5)"));
        given().header("Authorization", schoolA()).get(RISK).then().statusCode(403);
    }

    @Test
    void oneFullTimePupilWithAnEhcPlanIsEnough() {
        UUID provider = approvedProvider("REGISTERED_INDEPENDENT_SCHOOL");
        confirm(proposedFromPanel(provider, "E"));
        becomes(provider, "UNREGISTERED");
        String mine = "find { it.providerId == '" + provider + "' }";
        given().header("Authorization", TestTokens.hubOfficer())
                .get(RISK)
                .then()
                .statusCode(200)
                .body(mine + ".fullTimePupilCount", equalTo(1))
                .body(mine + ".reasons", Matchers.contains("a pupil with an EHC plan in full-time education"));
    }

    @Test
    void theCheckAndTheMonitorCountOnlyPlacementsThatRunOnTheSameDays() {
        UUID provider = approvedProvider("UNREGISTERED");
        String pupil = pupil(schoolA(), "100001", "E");
        commission(
                        pupil,
                        provider,
                        0,
                        4,
                        List.of(session("MONDAY", "09:00", "14:00"), session("TUESDAY", "09:00", "14:00")))
                .statusCode(201);
        commission(
                        pupil,
                        provider,
                        5,
                        10,
                        List.of(session("WEDNESDAY", "09:00", "14:00"), session("THURSDAY", "09:00", "14:00")))
                .statusCode(201);
        commission(pupil, provider, 6, 8, List.of(session("FRIDAY", "09:00", "17:00"))) // 10 + 8 on the same days
                .statusCode(422)
                .body("type", equalTo("https://alp.bristol.gov.uk/problems/rules/unregistered-provider-hours-limit"));
        commission(pupil, provider, 6, 8, List.of(session("FRIDAY", "09:00", "16:30"))) // 10 + 7.5
                .statusCode(201);
        // 27.5 hours in all, but never more than 17.5 in one week: not full time, so not on the monitor.
        given().header("Authorization", TestTokens.hubOfficer())
                .get(RISK)
                .then()
                .statusCode(200)
                .body("providerId", Matchers.not(Matchers.hasItem(provider.toString())));
    }

    private static ValidatableResponse commission(
            String pupil, UUID provider, int fromWeek, int toWeek, List<Map<String, String>> timetable) {
        Map<String, Object> body = new HashMap<>(placement(pupil, provider, timetable));
        body.put("startDate", START.plusWeeks(fromWeek).toString());
        body.put("plannedEndDate", START.plusWeeks(toWeek).minusDays(1).toString());
        return given().header("Authorization", schoolA())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/placements")
                .then();
    }

    private static void confirm(UUID placement) {
        acceptOffer(placement);
        given().header("Authorization", TestTokens.hubOfficer())
                .post("/api/v1/placements/{id}/confirm", placement)
                .then()
                .statusCode(200)
                .body("status", equalTo("CONFIRMED"));
    }

    /** The registry changes the provider's registration; waits until the read model has it. */
    private void becomes(UUID provider, String registration) {
        OffsetDateTime now = OffsetDateTime.now();
        clock = now.isAfter(clock) ? now : clock.plusNanos(1_000);
        providerEvent(provider, UUID.randomUUID(), "APPROVED", registration, true, clock);
        Ports.await(
                "provider " + registration,
                Duration.ofSeconds(30),
                () -> QuarkusTransaction.requiringNew()
                        .call(() ->
                                registration.equals(ProviderView.<ProviderView>findById(provider).registrationStatus)));
    }
}
