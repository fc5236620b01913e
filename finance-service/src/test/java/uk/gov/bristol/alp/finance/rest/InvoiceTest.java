package uk.gov.bristol.alp.finance.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.gov.bristol.alp.finance.domain.Commitment;
import uk.gov.bristol.alp.finance.support.PlacementEventData;
import uk.gov.bristol.alp.testing.AlpServiceTestResource;
import uk.gov.bristol.alp.testing.Ports;
import uk.gov.bristol.alp.testing.TestEvents;
import uk.gov.bristol.alp.testing.TestTokens;

/** Provider invoices checked against the attendance the placement service publishes. */
@QuarkusTest
@QuarkusTestResource(
        value = AlpServiceTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "alp_finance"))
class InvoiceTest {
    private static final String PLACEMENT = "uk.gov.bristol.alp.placement.";
    private final UUID provider = UUID.randomUUID();

    @Inject
    EntityManager em;

    /** A confirmed placement with this provider, 7 Sep to 16 Oct 2026, and a week of marks: 7 attended of 10. */
    private UUID placementWithAWeekOfMarks() {
        UUID placement = UUID.randomUUID();
        TestEvents.publish(
                "alp.placements.v1",
                placement.toString(),
                TestEvents.envelope(
                        UUID.randomUUID(),
                        PLACEMENT + "confirmed.v1",
                        placement.toString(),
                        OffsetDateTime.now(),
                        withRate(
                                PlacementEventData.confirmedSchoolPlacement(
                                        placement, provider, "2026-09-07", "2026-10-16", "15"),
                                "30.00")));
        List<Map<String, String>> marks = new ArrayList<>();
        String[] codes = {"/", "\\", "/", "I", "/", "\\", "O", "\\", "/", "N"};
        for (int i = 0; i < 10; i++) {
            marks.add(Map.of(
                    "date",
                    "2026-09-" + String.format("%02d", 7 + i / 2),
                    "session",
                    i % 2 == 0 ? "AM" : "PM",
                    "code",
                    codes[i]));
        }
        attendance(placement, marks);
        Ports.await(
                "the marks recorded",
                Duration.ofSeconds(30),
                () -> attended(placement) == 7
                        && QuarkusTransaction.requiringNew().call(() -> Commitment.count("placementId", placement))
                                == 1);
        return placement;
    }

    private static void attendance(UUID placement, List<Map<String, String>> marks) {
        TestEvents.publish(
                "alp.placements.v1",
                placement.toString(),
                TestEvents.envelope(
                        UUID.randomUUID(),
                        PLACEMENT + "attendance-recorded.v1",
                        placement.toString(),
                        OffsetDateTime.now(),
                        Map.of("placementId", placement.toString(), "marks", marks)));
    }

    private long attended(UUID placement) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery(
                                        "select count(*) from delivered_session where placement_id = ?1 and attended")
                                .setParameter(1, placement)
                                .getSingleResult())
                        .longValue());
    }

    private Map<String, Object> invoice(String number, UUID placement, int sessions, String amount) {
        Map<String, Object> body = new HashMap<>();
        body.put("providerId", provider.toString());
        body.put("invoiceNumber", number);
        body.put("issuedOn", "2026-09-14");
        body.put(
                "lines",
                List.of(Map.of(
                        "placementId",
                        placement.toString(),
                        "periodFrom",
                        "2026-09-07",
                        "periodTo",
                        "2026-09-11",
                        "sessionsClaimed",
                        sessions,
                        "amount",
                        amount)));
        return body;
    }

    @Test
    void anInvoiceForSessionsThePupilDidNotAttendIsQueriedWithTheDifference() {
        UUID placement = placementWithAWeekOfMarks();
        String number = "INV-" + UUID.randomUUID().toString().substring(0, 6);
        String id = given().header("Authorization", TestTokens.financeOfficer())
                .contentType(ContentType.JSON)
                .body(invoice(number, placement, 10, "450.00"))
                .post("/api/v1/finance/invoices")
                .then()
                .statusCode(201)
                .body("status", equalTo("QUERIED"))
                .body("lines[0].sessionsAttended", equalTo(7))
                .body(
                        "lines[0].discrepancies",
                        contains("claims 10 sessions; attendance shows 7 attended "
                                + "(3 marked absent, sessions without a mark are not counted)"))
                .extract()
                .path("id");
        given().header("Authorization", TestTokens.hubOfficer())
                .queryParam("status", "QUERIED")
                .get("/api/v1/finance/invoices")
                .then()
                .statusCode(200)
                .body("id", hasItem(id));
        given().header("Authorization", TestTokens.financeOfficer())
                .contentType(ContentType.JSON)
                .body(invoice(number, placement, 7, "315.00"))
                .post("/api/v1/finance/invoices")
                .then()
                .statusCode(409)
                .body("type", equalTo("https://alp.bristol.gov.uk/problems/rules/invoice-already-received"))
                .body("errors[0].field", equalTo("invoiceNumber"));
    }

    @Test
    void anInvoiceForTheSessionsAttendedIsCheckedAndACorrectedMarkCounts() {
        UUID placement = placementWithAWeekOfMarks();
        given().header("Authorization", TestTokens.financeOfficer())
                .contentType(ContentType.JSON)
                .body(invoice("A-" + UUID.randomUUID().toString().substring(0, 6), placement, 7, "315.00"))
                .post("/api/v1/finance/invoices")
                .then()
                .statusCode(201)
                .body("status", equalTo("CHECKED"))
                .body("lines[0].discrepancies", empty())
                .body("lines[0].financialYear", equalTo("2026-27"));
        // The provider corrects Tuesday PM (I -> present): 8 attended now.
        attendance(placement, List.of(Map.of("date", "2026-09-08", "session", "PM", "code", "\\")));
        Ports.await("the corrected mark", Duration.ofSeconds(30), () -> attended(placement) == 8);
        given().header("Authorization", TestTokens.financeOfficer())
                .contentType(ContentType.JSON)
                .body(invoice("B-" + UUID.randomUUID().toString().substring(0, 6), placement, 8, "360.00"))
                .post("/api/v1/finance/invoices")
                .then()
                .statusCode(201)
                .body("status", equalTo("CHECKED"));
    }

    @Test
    void aLineClaimingMoreThanTheCostCommittedForItsPeriodIsQueried() {
        UUID placement = placementWithAWeekOfMarks(); // 15 h a week at 30.00: 450.00 committed for that week
        given().header("Authorization", TestTokens.financeOfficer())
                .contentType(ContentType.JSON)
                .body(invoice("D-" + UUID.randomUUID().toString().substring(0, 6), placement, 7, "500.00"))
                .post("/api/v1/finance/invoices")
                .then()
                .statusCode(201)
                .body("status", equalTo("QUERIED"))
                .body(
                        "lines[0].discrepancies",
                        contains(
                                "claims 500.00; the cost committed for the period is 450.00 (hours x rate x term weeks)"));
    }

    @Test
    void aProviderNamingAnotherProvidersPlacementLearnsNothingOfItsAttendance() {
        UUID theirs = placementWithAWeekOfMarks(); // a placement with provider, 7 sessions attended
        String stranger = UUID.randomUUID().toString();
        Map<String, Object> body = invoice("X-" + UUID.randomUUID().toString().substring(0, 6), theirs, 10, "450.00");
        body.put("providerId", stranger);
        given().header("Authorization", TestTokens.provider(stranger))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/finance/invoices")
                .then()
                .statusCode(201)
                .body("status", equalTo("QUERIED"))
                .body("lines[0].sessionsAttended", equalTo(0))
                .body(
                        "lines[0].discrepancies",
                        contains("no commitment for placement " + theirs + " with this provider"));
    }

    @Test
    void aProviderInvoicesOnlyForItselfAndALineWithoutACommitmentIsQueried() {
        UUID unknown = UUID.randomUUID();
        given().header("Authorization", TestTokens.provider(UUID.randomUUID().toString()))
                .contentType(ContentType.JSON)
                .body(invoice("C-1", unknown, 1, "10.00"))
                .post("/api/v1/finance/invoices")
                .then()
                .statusCode(403)
                .body("errors[0].field", equalTo("providerId"));
        given().header("Authorization", TestTokens.provider(provider.toString()))
                .contentType(ContentType.JSON)
                .body(invoice("C-2", unknown, 0, "10.00"))
                .post("/api/v1/finance/invoices")
                .then()
                .statusCode(201)
                .body("status", equalTo("QUERIED"))
                .body(
                        "lines[0].discrepancies[0]",
                        equalTo("no commitment for placement " + unknown + " with this provider"));
        given().header("Authorization", TestTokens.provider(provider.toString()))
                .get("/api/v1/finance/invoices")
                .then()
                .statusCode(403);
        Map<String, Object> backwards = invoice("C-3", unknown, 1, "10.00");
        backwards.put(
                "lines",
                List.of(Map.of(
                        "placementId",
                        unknown.toString(),
                        "periodFrom",
                        "2026-09-11",
                        "periodTo",
                        "2026-09-07",
                        "sessionsClaimed",
                        1,
                        "amount",
                        "10.00")));
        given().header("Authorization", TestTokens.financeOfficer())
                .contentType(ContentType.JSON)
                .body(backwards)
                .post("/api/v1/finance/invoices")
                .then()
                .statusCode(400);
    }

    private static Map<String, Object> withRate(Map<String, Object> data, String hourlyRate) {
        data.put("hourlyRate", hourlyRate);
        return data;
    }
}
