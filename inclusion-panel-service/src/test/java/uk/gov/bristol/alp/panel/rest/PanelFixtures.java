package uk.gov.bristol.alp.panel.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import uk.gov.bristol.alp.platform.identifiers.Upn;
import uk.gov.bristol.alp.testing.TestTokens;

/** Referrals, meetings and decisions as the panel's users make them, for the API tests. */
final class PanelFixtures {
    static final String SCHOOL_A = TestTokens.school("100001");
    static final List<String> MEMBERS = List.of("Chair", "Hub lead", "Headteacher rep", "SEND lead");
    private static final AtomicInteger SERIAL = new AtomicInteger((int) (System.nanoTime() % 900));

    private PanelFixtures() {}

    /** A valid UPN no other test uses. */
    static String newUpn() {
        String body = "801"
                + String.format(
                        "%09d", (System.currentTimeMillis() * 1000 + SERIAL.incrementAndGet()) % 1_000_000_000L);
        return Upn.checkLetter(body) + body;
    }

    static Map<String, Object> pupil(String upn, Map<String, Object> overrides) {
        Map<String, Object> pupil = new HashMap<>(Map.of(
                "upn",
                upn,
                "firstName",
                "Ava",
                "lastName",
                "Jones",
                "dateOfBirth",
                "2011-05-06",
                "yearGroup",
                9,
                "senProvision",
                "K",
                "lookedAfter",
                true,
                "freeSchoolMeals",
                true,
                "ethnicity",
                "MWBC",
                "sex",
                "F"));
        pupil.putAll(overrides);
        return pupil;
    }

    static Map<String, Object> referral(boolean withEvidence, boolean withSafeguarding) {
        Map<String, Object> body = new HashMap<>();
        body.put("schoolUrn", "100001");
        body.put("pupil", pupil(newUpn(), Map.of()));
        body.put("reason", "Persistent dysregulation after trauma; at risk of exclusion");
        body.put("requested", "FULL_TIME_PLACEMENT");
        body.put("parentView", "Mum supports a smaller setting");
        body.put("pupilVoice", "I want to be somewhere quieter");
        body.put("attachments", List.of(Map.of("name", "EP report", "reference", "docs://school/100001/ep-2026-04")));
        if (withEvidence) {
            body.put(
                    "graduatedResponse",
                    List.of(
                            Map.of(
                                    "kind",
                                    "Pastoral support plan",
                                    "from",
                                    "2026-01-05",
                                    "to",
                                    "2026-04-01",
                                    "outcome",
                                    "Some improvement, not sustained",
                                    "by",
                                    "Head of Year 9"),
                            Map.of(
                                    "kind",
                                    "Educational psychologist",
                                    "from",
                                    "2026-04-20",
                                    "outcome",
                                    "Assessment recommends small-group setting",
                                    "by",
                                    "EP service")));
        }
        if (withSafeguarding) {
            body.put(
                    "safeguarding",
                    Map.of(
                            "designatedSafeguardingLead",
                            "J. Smith",
                            "socialCareInvolved",
                            true,
                            "socialCareDetails",
                            "Child in need plan",
                            "knownRisks",
                            "Criminal exploitation concerns"));
        }
        return body;
    }

    static String submit(Map<String, Object> body) {
        return given().header("Authorization", SCHOOL_A)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/referrals")
                .then()
                .statusCode(201)
                .body("status", equalTo("SUBMITTED"))
                .extract()
                .path("id");
    }

    static String submit() {
        return submit(referral(true, true));
    }

    /** The account of {@link TestTokens#panelMember()}: it sits on every meeting these fixtures schedule. */
    static final List<String> MEMBER_ACCOUNTS = List.of("panel.member");

    static String meeting(int quorum) {
        return meeting(quorum, MEMBER_ACCOUNTS);
    }

    static String meeting(int quorum, List<String> memberAccounts) {
        return given().header("Authorization", TestTokens.hubOfficer())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "date",
                        LocalDate.now().plusDays(3).toString(),
                        "members",
                        MEMBERS,
                        "memberAccounts",
                        memberAccounts,
                        "quorum",
                        quorum))
                .post("/api/v1/panel-meetings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** A meeting whose agenda has every submitted referral (so the given ones too). */
    static String meetingWithAgenda() {
        String meeting = meeting(3);
        given().header("Authorization", TestTokens.hubOfficer())
                .post("/api/v1/panel-meetings/{id}/agenda", meeting)
                .then()
                .statusCode(200);
        return meeting;
    }

    static Map<String, Object> decision(String meeting, String outcome) {
        Map<String, Object> body = new HashMap<>();
        body.put("meetingId", meeting);
        body.put("outcome", outcome);
        body.put("rationale", "Graduated response exhausted; needs a small setting");
        body.put("membersPresent", List.of("Chair", "Hub lead", "Headteacher rep"));
        if ("DECLINE".equals(outcome)) {
            body.put("nextSteps", "Request an EP review and apply for an EHC needs assessment");
        }
        return body;
    }

    static Map<String, Object> approvePlacement(String meeting, UUID provider, String weeklyCost) {
        Map<String, Object> body = decision(meeting, "APPROVE_PLACEMENT");
        Map<String, Object> terms = new HashMap<>(Map.of(
                "providerId",
                provider.toString(),
                "hoursPerWeek",
                "25",
                "startDate",
                LocalDate.now().plusDays(10).toString(),
                "plannedEndDate",
                LocalDate.now().plusDays(100).toString(),
                "fundingRoute",
                "HIGH_NEEDS"));
        if (weeklyCost != null) {
            terms.put("estimatedWeeklyCost", weeklyCost);
        }
        body.put("placement", terms);
        return body;
    }

    static ValidatableResponse decide(String referral, Map<String, Object> body) {
        return given().header("Authorization", TestTokens.panelChair())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/referrals/{id}/decision", referral)
                .then();
    }
}
