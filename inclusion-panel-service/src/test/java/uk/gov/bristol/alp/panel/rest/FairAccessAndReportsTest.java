package uk.gov.bristol.alp.panel.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.gov.bristol.alp.panel.rest.PanelFixtures.approvePlacement;
import static uk.gov.bristol.alp.panel.rest.PanelFixtures.decide;
import static uk.gov.bristol.alp.panel.rest.PanelFixtures.decision;
import static uk.gov.bristol.alp.panel.rest.PanelFixtures.meetingWithAgenda;
import static uk.gov.bristol.alp.panel.rest.PanelFixtures.pupil;
import static uk.gov.bristol.alp.panel.rest.PanelFixtures.referral;
import static uk.gov.bristol.alp.panel.rest.PanelFixtures.submit;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.gov.bristol.alp.platform.time.SchoolCalendar;
import uk.gov.bristol.alp.testing.AlpServiceTestResource;
import uk.gov.bristol.alp.testing.TestTokens;

@QuarkusTest
@QuarkusTestResource(
        value = AlpServiceTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "alp_panel"))
class FairAccessAndReportsTest {
    @Inject
    SchoolCalendar calendar;

    @Inject
    Clock clock;

    @Test
    void aFairAccessCasePastTwentySchoolDaysIsListedOverdueAndOneWithinThemIsNot() {
        LocalDate today = LocalDate.now(clock);
        String overdue = fairAccessCase(daysAgo(today, 21));
        String within = fairAccessCase(daysAgo(today, 10));
        String decided = fairAccessCase(daysAgo(today, 30));
        decide(decided, decision(meetingWithAgenda(), "APPROVE_IN_REACH")).statusCode(201);

        given().header("Authorization", TestTokens.hubOfficer())
                .queryParam("overdue", true)
                .get("/api/v1/referrals/fair-access")
                .then()
                .statusCode(200)
                .body("id", hasItem(overdue))
                .body("id", not(hasItem(within)))
                .body("id", not(hasItem(decided)))
                .body("find { it.id == '" + overdue + "' }.fairAccessClock.schoolDaysElapsed", equalTo(21))
                .body("find { it.id == '" + overdue + "' }.fairAccessClock.overdue", equalTo(true));
        given().header("Authorization", TestTokens.hubOfficer())
                .get("/api/v1/referrals/fair-access")
                .then()
                .statusCode(200)
                .body("id", hasItem(within))
                .body("find { it.id == '" + within + "' }.fairAccessClock.schoolDaysLeft", equalTo(10))
                .body("find { it.id == '" + within + "' }.fairAccessClock.overdue", equalTo(false));
        given().header("Authorization", PanelFixtures.SCHOOL_A)
                .get("/api/v1/referrals/{id}", decided)
                .then()
                .body("fairAccessClock.stoppedOn", equalTo(today.toString()))
                .body("fairAccessClock.overdue", equalTo(false));
        given().header("Authorization", PanelFixtures.SCHOOL_A)
                .get("/api/v1/referrals/fair-access")
                .then()
                .statusCode(403);
    }

    @Test
    void theReportCountsReferralsBySchoolOutcomeCharacteristicAndTimeToDecision() {
        LocalDate today = LocalDate.now(clock);
        JsonPath before = report(today);
        String lookedAfter = submit(withPupil(Map.of("lookedAfter", true, "ethnicity", "BCRB", "senProvision", "E")));
        String notLookedAfter =
                submit(withPupil(Map.of("lookedAfter", false, "ethnicity", "WBRI", "senProvision", "N")));
        submit(withPupil(Map.of("lookedAfter", true, "ethnicity", "BCRB", "senProvision", "K")));
        String meeting = meetingWithAgenda();
        decide(lookedAfter, approvePlacement(meeting, UUID.randomUUID(), null)).statusCode(201);
        decide(notLookedAfter, decision(meeting, "DECLINE")).statusCode(201);
        JsonPath after = report(today);

        assertEquals(3, after.getInt("referrals") - before.getInt("referrals"));
        assertEquals(3, delta(before, after, "bySchool.100001"));
        assertEquals(1, delta(before, after, "byOutcome.DECLINE"));
        assertEquals(2, delta(before, after, "byCharacteristic.ethnicity.BCRB.referrals"));
        assertEquals(1, delta(before, after, "byCharacteristic.ethnicity.BCRB.placementsApproved"));
        assertEquals(1, delta(before, after, "byCharacteristic.senProvision.E.referrals"));
        assertEquals(1, delta(before, after, "byCharacteristic.ehcPlan.true.placementsApproved"));
        assertEquals(2, delta(before, after, "byCharacteristic.lookedAfter.true.referrals"));
        assertEquals(2, after.getInt("timeToDecision.decided") - before.getInt("timeToDecision.decided"));
        assertEquals(0, after.getInt("timeToDecision.maxDays"));
        given().header("Authorization", PanelFixtures.SCHOOL_A)
                .queryParam("from", today.toString())
                .queryParam("to", today.toString())
                .get("/api/v1/panel-reports/referrals")
                .then()
                .statusCode(403);
        given().header("Authorization", TestTokens.auditor())
                .queryParam("from", today.toString())
                .queryParam("to", today.minusDays(1).toString())
                .get("/api/v1/panel-reports/referrals")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("to"));
    }

    private JsonPath report(LocalDate day) {
        return given().header("Authorization", TestTokens.auditor())
                .queryParam("from", day.toString())
                .queryParam("to", day.toString())
                .get("/api/v1/panel-reports/referrals")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static int delta(JsonPath before, JsonPath after, String path) {
        Integer b = before.get(path);
        Integer a = after.get(path);
        return (a == null ? 0 : a) - (b == null ? 0 : b);
    }

    /** The day from which {@code schoolDays} school days have passed by today. */
    private LocalDate daysAgo(LocalDate today, int schoolDays) {
        LocalDate day = today;
        while (calendar.schoolDaysAfter(day, today) < schoolDays) {
            day = day.minusDays(1);
        }
        return day;
    }

    private static String fairAccessCase(LocalDate since) {
        Map<String, Object> body = referral(true, true);
        body.put("fairAccess", true);
        body.put("fairAccessSince", since.toString());
        return submit(body);
    }

    private static Map<String, Object> withPupil(Map<String, Object> overrides) {
        Map<String, Object> body = referral(true, true);
        body.put("pupil", pupil(PanelFixtures.newUpn(), overrides));
        return body;
    }
}
