package uk.gov.bristol.alp.panel.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static uk.gov.bristol.alp.panel.rest.PanelFixtures.SCHOOL_A;
import static uk.gov.bristol.alp.panel.rest.PanelFixtures.decide;
import static uk.gov.bristol.alp.panel.rest.PanelFixtures.decision;
import static uk.gov.bristol.alp.panel.rest.PanelFixtures.meetingWithAgenda;
import static uk.gov.bristol.alp.panel.rest.PanelFixtures.submit;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.gov.bristol.alp.testing.AlpServiceTestResource;
import uk.gov.bristol.alp.testing.TestTokens;

/** Files attached to a referral: by its school until decided, read by those who may read the referral. */
@QuarkusTest
@QuarkusTestResource(
        value = AlpServiceTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "alp_panel"))
class ReferralDocumentTest {
    private static final String DOCUMENTS = "/api/v1/referrals/{id}/documents";

    private static ValidatableResponse attach(String token, String referral, byte[] file) {
        return given().header("Authorization", token)
                .multiPart("file", "ep-report.pdf", file, "application/pdf")
                .multiPart("kind", "SCHOOL_REPORT")
                .post(DOCUMENTS, referral)
                .then();
    }

    @Test
    void aReferralsSchoolAttachesItsReportsUntilTheDecisionAndOnlyThoseWhoMayReadTheReferralReadThem() {
        String referral = submit();
        byte[] report = "%PDF-1.4\n% Educational psychologist's report\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        String document = attach(SCHOOL_A, referral, report)
                .statusCode(201)
                .body("kind", equalTo("SCHOOL_REPORT"))
                .extract()
                .path("id");
        attach(TestTokens.school("100002"), referral, report).statusCode(404);
        attach(TestTokens.provider(java.util.UUID.randomUUID().toString()), referral, report)
                .statusCode(403);
        given().header("Authorization", TestTokens.school("100002"))
                .get(DOCUMENTS + "/{d}/content", referral, document)
                .then()
                .statusCode(404);
        // A panel member reads it once the referral is on the agenda of a meeting they sit on.
        given().header("Authorization", TestTokens.panelMember())
                .get(DOCUMENTS, referral)
                .then()
                .statusCode(404);
        String meeting = meetingWithAgenda();
        given().header("Authorization", TestTokens.panelMember())
                .get(DOCUMENTS, referral)
                .then()
                .statusCode(200)
                .body("id", equalTo(List.of(document)));
        byte[] read = given().header("Authorization", TestTokens.panelMember())
                .get(DOCUMENTS + "/{d}/content", referral, document)
                .then()
                .statusCode(200)
                .contentType("application/pdf")
                .extract()
                .asByteArray();
        assertArrayEquals(report, read);

        decide(referral, decision(meeting, "DECLINE")).statusCode(201);
        attach(SCHOOL_A, referral, report)
                .statusCode(409)
                .body("type", equalTo("https://alp.bristol.gov.uk/problems/rules/referral-status"));
    }
}
