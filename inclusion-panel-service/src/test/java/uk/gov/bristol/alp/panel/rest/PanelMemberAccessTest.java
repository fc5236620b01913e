package uk.gov.bristol.alp.panel.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static uk.gov.bristol.alp.panel.rest.PanelFixtures.meeting;
import static uk.gov.bristol.alp.panel.rest.PanelFixtures.submit;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.gov.bristol.alp.testing.AlpServiceTestResource;
import uk.gov.bristol.alp.testing.TestTokens;

/** A panel member reads the referrals on the agendas of the meetings they sit on, and nothing else. */
@QuarkusTest
@QuarkusTestResource(
        value = AlpServiceTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "alp_panel"))
class PanelMemberAccessTest {

    @Test
    void aPanelMemberReadsOnlyTheReferralsOnTheAgendasOfTheirMeetings() {
        String elsewhere = submit();
        String otherMeeting = meeting(1, List.of("another.member"));
        buildAgenda(otherMeeting);
        String mine = submit();
        String myMeeting = meeting(1, List.of("panel.member"));
        buildAgenda(myMeeting);

        String member = TestTokens.panelMember();
        given().header("Authorization", member)
                .get("/api/v1/referrals/{id}", mine)
                .then()
                .statusCode(200);
        given().header("Authorization", member)
                .get("/api/v1/referrals/{id}/decisions", mine)
                .then()
                .statusCode(200);
        given().header("Authorization", member)
                .get("/api/v1/referrals/{id}", elsewhere)
                .then()
                .statusCode(404);
        given().header("Authorization", member)
                .get("/api/v1/referrals/{id}/decisions", elsewhere)
                .then()
                .statusCode(404);
        given().header("Authorization", member)
                .queryParam("size", 200)
                .get("/api/v1/referrals")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(mine))
                .body("items.id", not(hasItem(elsewhere)));
        given().header("Authorization", member)
                .get("/api/v1/panel-meetings/{id}", otherMeeting)
                .then()
                .statusCode(404);
        given().header("Authorization", member)
                .get("/api/v1/panel-meetings/{id}", myMeeting)
                .then()
                .statusCode(200)
                .body("agenda.referralId", hasItem(mine));
        given().header("Authorization", member)
                .get("/api/v1/panel-meetings")
                .then()
                .statusCode(200)
                .body("id", hasItem(myMeeting))
                .body("id", not(hasItem(otherMeeting)));

        // The chair and the Hub see every referral and meeting.
        for (String staff : List.of(TestTokens.panelChair(), TestTokens.hubOfficer())) {
            given().header("Authorization", staff)
                    .get("/api/v1/referrals/{id}", elsewhere)
                    .then()
                    .statusCode(200);
            given().header("Authorization", staff)
                    .get("/api/v1/panel-meetings/{id}", otherMeeting)
                    .then()
                    .statusCode(200);
        }
    }

    private static void buildAgenda(String meeting) {
        given().header("Authorization", TestTokens.hubOfficer())
                .post("/api/v1/panel-meetings/{id}/agenda", meeting)
                .then()
                .statusCode(200)
                .body("agenda.size()", greaterThan(0));
    }
}
