package uk.gov.bristol.alp.placement.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.approvedProvider;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.schoolA;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.schoolB;
import static uk.gov.bristol.alp.placement.rest.PlacementFixtures.startedPlacement;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.gov.bristol.alp.placement.domain.Placement;
import uk.gov.bristol.alp.testing.AlpServiceTestResource;
import uk.gov.bristol.alp.testing.TestTokens;

/** Files attached to a placement: typed from their bytes, size-limited, fingerprinted, read only within scope. */
@QuarkusTest
@QuarkusTestResource(
        value = AlpServiceTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "alp_placement"))
class PlacementDocumentTest {
    private static final String DOCUMENTS = "/api/v1/placements/{id}/documents";
    private static final String RULES = "https://alp.bristol.gov.uk/problems/rules/";
    /** The test profile's limit (alp.documents.max-bytes). */
    private static final int LIMIT = 65_536;

    /** A small, well-formed PDF. */
    static byte[] pdf(String text) {
        String body =
                "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% " + text + "\ntrailer << /Root 1 0 R >>\n%%EOF\n";
        return body.getBytes(StandardCharsets.US_ASCII);
    }

    private static final byte[] PNG = HexFormat.of()
            .parseHex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478"
                    + "da63f8ffff3f0005fe02fea7d6a4ba0000000049454e44ae426082");

    private static ValidatableResponse attach(
            String token, String placement, String fileName, String type, byte[] bytes, String kind) {
        return attach(
                token, placement, fileName, type, bytes, kind, LocalDate.now().plusMonths(3));
    }

    private static ValidatableResponse attach(
            String token,
            String placement,
            String fileName,
            String type,
            byte[] bytes,
            String kind,
            LocalDate expiresOn) {
        var request = given().header("Authorization", token).multiPart("file", fileName, bytes, type);
        if (kind != null) {
            request = request.multiPart("kind", kind);
        }
        return request.multiPart("expiresOn", expiresOn.toString())
                .post(DOCUMENTS, placement)
                .then();
    }

    private static List<String> expired() {
        return given().header("Authorization", TestTokens.hubOfficer())
                .get("/api/v1/placements/attention?kind=DOCUMENT_EXPIRED")
                .then()
                .statusCode(200)
                .extract()
                .path("placementId");
    }

    private static long audited(String action, String documentId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) Placement.getEntityManager()
                                .createNativeQuery("select count(*) from audit_event where resource_type = 'document' "
                                        + "and action = ?1 and resource_id = ?2")
                                .setParameter(1, action)
                                .setParameter(2, documentId)
                                .getSingleResult())
                        .longValue());
    }

    @Test
    void aRiskAssessmentIsStoredWithItsFingerprintAndReadOnlyByThoseWhoMaySeeThePlacement() throws Exception {
        UUID provider = approvedProvider("REGISTERED_INDEPENDENT_SCHOOL");
        String placement = startedPlacement(provider, LocalDate.now().minusDays(3));
        String providerToken = TestTokens.provider(provider.toString());
        byte[] bytes = pdf("Risk assessment: travel, transitions, triggers");

        ExtractableResponse<Response> stored = attach(
                        providerToken,
                        placement,
                        "../../Risk assessment v2.pdf",
                        "application/pdf",
                        bytes,
                        "RISK_ASSESSMENT")
                .statusCode(201)
                .body("kind", equalTo("RISK_ASSESSMENT"))
                .body("fileName", equalTo("Risk assessment v2.pdf"))
                .body("contentType", equalTo("application/pdf"))
                .body("sizeBytes", equalTo(bytes.length))
                .body("uploadedBy", equalTo("provider." + provider))
                .extract();
        String sha256 =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        assertEquals(sha256, stored.path("sha256"));
        String id = stored.path("id");
        assertThat(stored.header("Location"), containsString("/documents/" + id + "/content"));

        byte[] read = given().header("Authorization", schoolA())
                .get(DOCUMENTS + "/{d}/content", placement, id)
                .then()
                .statusCode(200)
                .contentType("application/pdf")
                .header("X-Content-Type-Options", "nosniff")
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"Risk assessment v2.pdf\"; filename*=UTF-8''Risk%20assessment%20v2.pdf")
                .header(
                        "Repr-Digest",
                        "sha-256=:"
                                + Base64.getEncoder()
                                        .encodeToString(HexFormat.of().parseHex(sha256)) + ":")
                .extract()
                .asByteArray();
        assertArrayEquals(bytes, read);
        assertEquals(1, audited("READ", id));
        assertEquals(1, audited("CREATE", id));

        given().header("Authorization", TestTokens.hubOfficer())
                .get(DOCUMENTS, placement)
                .then()
                .statusCode(200)
                .body("id", equalTo(List.of(id)))
                .body("[0]", not(hasItem("content")));
        for (String outsider :
                List.of(schoolB(), TestTokens.provider(UUID.randomUUID().toString()))) {
            given().header("Authorization", outsider)
                    .get(DOCUMENTS, placement)
                    .then()
                    .statusCode(404);
            given().header("Authorization", outsider)
                    .get(DOCUMENTS + "/{d}/content", placement, id)
                    .then()
                    .statusCode(404);
        }
        // The document is found only through its own placement.
        String other = startedPlacement(provider, LocalDate.now().minusDays(3));
        given().header("Authorization", schoolA())
                .get(DOCUMENTS + "/{d}/content", other, id)
                .then()
                .statusCode(404);
        assertEquals(1, audited("READ", id));
    }

    @Test
    void aFileOverTheLimitOrWhoseTypeLiesAboutItselfIsRefusedAndNothingIsStored() {
        UUID provider = approvedProvider("REGISTERED_INDEPENDENT_SCHOOL");
        String placement = startedPlacement(provider, LocalDate.now().minusDays(3));
        byte[] big = Arrays.copyOf(pdf("padded"), LIMIT + 1);
        attach(schoolA(), placement, "plan.pdf", "application/pdf", big, "TRANSITION_PLAN")
                .statusCode(413)
                .body("type", equalTo(RULES + "document-too-large"))
                .body("errors[0].field", equalTo("file"));
        attach(schoolA(), placement, "plan.pdf", "application/pdf", PNG, "TRANSITION_PLAN")
                .statusCode(415)
                .body("type", equalTo(RULES + "document-type-mismatch"))
                .body("detail", equalTo("declared application/pdf but the file is image/png"));
        attach(schoolA(), placement, "plan.pdf", "application/octet-stream", PNG, "TRANSITION_PLAN")
                .statusCode(415)
                .body("type", equalTo(RULES + "document-type-mismatch"))
                .body("detail", equalTo("the name says application/pdf but the file is image/png"));
        byte[] html = "<html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8);
        attach(schoolA(), placement, "plan.pdf", "application/pdf", html, "TRANSITION_PLAN")
                .statusCode(415)
                .body("type", equalTo(RULES + "document-type-not-allowed"));
        attach(schoolA(), placement, "plan.pdf", "application/pdf", pdf("x"), null)
                .statusCode(400)
                .body("errors[0].field", equalTo("kind"));
        given().header("Authorization", schoolA())
                .multiPart("kind", "TRANSITION_PLAN")
                .post(DOCUMENTS, placement)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("file"));
        given().header("Authorization", TestTokens.auditor())
                .multiPart("file", "plan.pdf", pdf("x"), "application/pdf")
                .multiPart("kind", "TRANSITION_PLAN")
                .post(DOCUMENTS, placement)
                .then()
                .statusCode(403);
        given().header("Authorization", TestTokens.auditor())
                .get(DOCUMENTS, placement)
                .then()
                .statusCode(200)
                .body("$", hasSize(0));
        attach(schoolA(), placement, "logo.png", "image/png", PNG, "OTHER")
                .statusCode(201)
                .body("contentType", equalTo("image/png"));
    }

    @Test
    void aRunningPlacementWhoseLatestRiskAssessmentExpiredIsOnTheAttentionListUntilANewOneIsAttached() {
        UUID provider = approvedProvider("REGISTERED_INDEPENDENT_SCHOOL");
        String placement = startedPlacement(provider, LocalDate.now().minusDays(30));
        String providerToken = TestTokens.provider(provider.toString());
        attach(providerToken, placement, "ra.pdf", "application/pdf", pdf("old"), "RISK_ASSESSMENT", LocalDate.now())
                .statusCode(201);
        assertThat(expired(), not(hasItem(placement)));
        attach(
                        providerToken,
                        placement,
                        "ra.pdf",
                        "application/pdf",
                        pdf("lapsed"),
                        "RISK_ASSESSMENT",
                        LocalDate.now().minusDays(1))
                .statusCode(201);
        assertThat(expired(), hasItem(placement));
        attach(providerToken, placement, "ra.pdf", "application/pdf", pdf("reviewed"), "RISK_ASSESSMENT")
                .statusCode(201);
        assertThat(expired(), not(hasItem(placement)));
    }

    @Test
    void theEvidenceBehindASchoolsOwnCheckIsKeptForThatSchoolAndAuthorityStaffOnly() {
        UUID provider = PlacementFixtures.provider("APPLIED", "UNREGISTERED", false, java.time.OffsetDateTime.now());
        PlacementFixtures.awaitProviderStatus(provider, "APPLIED");
        LocalDate expires = LocalDate.now().plusMonths(11);
        String check = given().header("Authorization", schoolA())
                .contentType(io.restassured.http.ContentType.JSON)
                .body(java.util.Map.of(
                        "providerId", provider.toString(),
                        "kind", "INSURANCE",
                        "evidenceReference", "Schedule seen 2026",
                        "checkedOn", LocalDate.now().minusDays(1).toString(),
                        "expiresOn", expires.toString()))
                .post("/api/v1/compliance/school-checks")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String checkDocuments = "/api/v1/compliance/school-checks/{id}/documents";
        byte[] schedule = pdf("Public liability insurance schedule");
        given().header("Authorization", schoolB())
                .multiPart("file", "schedule.pdf", schedule, "application/pdf")
                .post(checkDocuments, check)
                .then()
                .statusCode(404);
        String document = given().header("Authorization", schoolA())
                .multiPart("file", "schedule.pdf", schedule, "application/pdf")
                .post(checkDocuments, check)
                .then()
                .statusCode(201)
                .body("kind", equalTo("INSURANCE"))
                .body("expiresOn", equalTo(expires.toString()))
                .extract()
                .path("id");
        given().header("Authorization", TestTokens.hubOfficer())
                .get(checkDocuments, check)
                .then()
                .statusCode(200)
                .body("id", equalTo(List.of(document)));
        for (String outsider : List.of(schoolB(), TestTokens.provider(provider.toString()))) {
            given().header("Authorization", outsider)
                    .get(checkDocuments + "/{d}/content", check, document)
                    .then()
                    .statusCode(404);
        }
        assertArrayEquals(
                schedule,
                given().header("Authorization", schoolA())
                        .get(checkDocuments + "/{d}/content", check, document)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asByteArray());
    }
}
