package uk.gov.bristol.alp.registry.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static uk.gov.bristol.alp.registry.rest.ProviderResourceTest.newUkprn;
import static uk.gov.bristol.alp.registry.rest.ProviderResourceTest.register;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.gov.bristol.alp.testing.AlpServiceTestResource;
import uk.gov.bristol.alp.testing.TestTokens;

/** A provider sends its compliance evidence as files; the registry accepts each as a check, or rejects it. */
@QuarkusTest
@QuarkusTestResource(
        value = AlpServiceTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "alp_registry"))
class EvidenceTest {
    private static final String EVIDENCE = "/api/v1/providers/{id}/evidence";
    private static final LocalDate TODAY = LocalDate.now();

    private static byte[] certificate(String text) {
        return ("%PDF-1.4\n% " + text + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static ValidatableResponse submit(String token, String provider, byte[] file, String kind) {
        return given().header("Authorization", token)
                .multiPart("file", "certificate.pdf", file, "application/pdf")
                .multiPart("kind", kind)
                .multiPart("expiresOn", TODAY.plusYears(1).toString())
                .post(EVIDENCE, provider)
                .then();
    }

    @Test
    void aProvidersEvidenceIsReviewedByTheRegistryAndAcceptedEvidenceBecomesACheck() {
        String provider = register(newUkprn());
        String own = TestTokens.provider(provider);
        byte[] dbs = certificate("Enhanced DBS checks for all staff, training log");
        String accepted = submit(own, provider, dbs, "DBS_AND_STAFF_TRAINING")
                .statusCode(201)
                .body("status", equalTo("SUBMITTED"))
                .extract()
                .path("documentId");
        String rejected = submit(own, provider, certificate("An expired schedule"), "INSURANCE")
                .statusCode(201)
                .extract()
                .path("documentId");

        String other = TestTokens.provider(UUID.randomUUID().toString());
        submit(other, provider, dbs, "INSURANCE").statusCode(404);
        for (String outsider : List.of(other, TestTokens.school("100001"), TestTokens.panelMember())) {
            given().header("Authorization", outsider)
                    .get(EVIDENCE, provider)
                    .then()
                    .statusCode(404);
            given().header("Authorization", outsider)
                    .get(EVIDENCE + "/{d}/content", provider, accepted)
                    .then()
                    .statusCode(404);
        }
        given().header("Authorization", TestTokens.partner("north-somerset"))
                .get(EVIDENCE, provider)
                .then()
                .statusCode(200)
                .body("documentId", hasItem(accepted));
        given().header("Authorization", TestTokens.registryOfficer())
                .get("/api/v1/provider-evidence?size=200")
                .then()
                .statusCode(200)
                .body("items.documentId", hasItem(accepted));
        byte[] read = given().header("Authorization", TestTokens.registryOfficer())
                .get(EVIDENCE + "/{d}/content", provider, accepted)
                .then()
                .statusCode(200)
                .contentType("application/pdf")
                .extract()
                .asByteArray();
        assertArrayEquals(dbs, read);

        given().header("Authorization", own)
                .contentType(ContentType.JSON)
                .body(Map.of("checkedOn", TODAY.toString()))
                .post(EVIDENCE + "/{d}/accept", provider, accepted)
                .then()
                .statusCode(403);
        given().header("Authorization", TestTokens.registryOfficer())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "checkedOn",
                        TODAY.toString(),
                        "expiresOn",
                        TODAY.minusDays(1).toString()))
                .post(EVIDENCE + "/{d}/accept", provider, accepted)
                .then()
                .statusCode(400);
        String check = given().header("Authorization", TestTokens.registryOfficer())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "checkedOn",
                        TODAY.toString(),
                        "expiresOn",
                        TODAY.plusYears(1).toString(),
                        "note",
                        "Seen"))
                .post(EVIDENCE + "/{d}/accept", provider, accepted)
                .then()
                .statusCode(200)
                .body("status", equalTo("ACCEPTED"))
                .body("checkId", notNullValue())
                .extract()
                .path("checkId");
        given().header("Authorization", own)
                .get("/api/v1/providers/{id}", provider)
                .then()
                .statusCode(200)
                .body("checks.find { it.id == '" + check + "' }.evidenceReference", equalTo("document " + accepted))
                .body("checks.find { it.id == '" + check + "' }.outcome", equalTo("PASSED"));
        given().header("Authorization", TestTokens.registryOfficer())
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "Too late"))
                .post(EVIDENCE + "/{d}/reject", provider, accepted)
                .then()
                .statusCode(409)
                .body("type", equalTo("https://alp.bristol.gov.uk/problems/rules/evidence-reviewed"));
        given().header("Authorization", TestTokens.registryOfficer())
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "The schedule expired last month: send this year's"))
                .post(EVIDENCE + "/{d}/reject", provider, rejected)
                .then()
                .statusCode(200)
                .body("status", equalTo("REJECTED"));
        given().header("Authorization", own)
                .get(EVIDENCE, provider)
                .then()
                .statusCode(200)
                .body(
                        "find { it.documentId == '" + rejected + "' }.reviewNote",
                        equalTo("The schedule expired last month: send this year's"));
    }
}
