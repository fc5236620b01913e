package uk.gov.bristol.alp.finance.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import uk.gov.bristol.alp.finance.support.PlacementEventData;
import uk.gov.bristol.alp.testing.AlpServiceTestResource;
import uk.gov.bristol.alp.testing.AsyncApiContract;
import uk.gov.bristol.alp.testing.KafkaBroker;
import uk.gov.bristol.alp.testing.KafkaEvents;
import uk.gov.bristol.alp.testing.Ports;
import uk.gov.bristol.alp.testing.TestEvents;
import uk.gov.bristol.alp.testing.TestTokens;

/** Commitments through a placement's life, the high-cost protocol, budget control and the budget position. */
@QuarkusTest
@QuarkusTestResource(
        value = AlpServiceTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "alp_finance"))
class CommitmentLifecycleTest {
    private static final String PLACEMENT = "uk.gov.bristol.alp.placement.";

    @Inject
    EntityManager em;

    /** A placement event as placement-service writes it; {@code extra} adds or replaces fields. */
    private static String event(
            String type,
            UUID placement,
            String costCode,
            String hours,
            String rate,
            String start,
            String plannedEnd,
            Map<String, Object> extra) {
        Map<String, Object> data = PlacementEventData.confirmedSchoolPlacement(
                placement, UUID.fromString("7d0e1f2a-0000-4000-8000-000000000001"), start, plannedEnd, hours);
        if (rate != null) {
            data.put("hourlyRate", rate);
        }
        if (costCode != null) {
            data.put("costCode", costCode);
        }
        data.putAll(extra);
        return TestEvents.envelope(
                UUID.randomUUID(), PLACEMENT + type, placement.toString(), OffsetDateTime.now(), data);
    }

    private static void publish(UUID placement, String envelope) {
        TestEvents.publish("alp.placements.v1", placement.toString(), envelope);
    }

    private static JsonPath commitmentOnceSettled(UUID placement, Predicate<JsonPath> settled) {
        List<JsonPath> last = new ArrayList<>();
        Ports.await("commitment for " + placement, Duration.ofSeconds(30), () -> {
            JsonPath json = given().header("Authorization", TestTokens.financeOfficer())
                    .get("/api/v1/finance/commitments?placementId={p}", placement)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            boolean done = json.getInt("totalItems") == 1 && settled.test(json);
            if (done) {
                last.add(json.setRootPath("items[0]"));
            }
            return done;
        });
        return last.get(0);
    }

    private static JsonPath committed(UUID placement) {
        return commitmentOnceSettled(placement, json -> true);
    }

    @Test
    void aCancellationBeforeItsConfirmationLeavesNoLiveCommitmentWhenTheConfirmationArrivesLate() {
        UUID placement = UUID.randomUUID();
        // The confirmation was parked (finance's database away too long) and is replayed after the cancellation.
        publish(
                placement,
                event(
                        "cancelled.v1",
                        placement,
                        null,
                        "10",
                        "40.00",
                        "2027-01-04",
                        "2027-03-26",
                        Map.of("status", "CANCELLED")));
        publish(placement, event("confirmed.v1", placement, null, "10", "40.00", "2027-01-04", "2027-03-26", Map.of()));
        awaitAppliedBefore(placement);
        given().header("Authorization", TestTokens.financeOfficer())
                .get("/api/v1/finance/commitments?placementId={p}", placement)
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(0));
    }

    @Test
    void aRevisionOrAnEndThatArrivesBeforeItsConfirmationCommitsThePlacementAsItStands() {
        UUID revised = UUID.randomUUID();
        publish(
                revised,
                event(
                        "revised.v1",
                        revised,
                        null,
                        "12",
                        "40.00",
                        "2027-01-04",
                        "2027-03-26",
                        Map.of("effectiveFrom", "2027-01-04")));
        assertEquals("12.00", committed(revised).getString("hoursPerWeek"));
        publish(revised, event("confirmed.v1", revised, null, "10", "40.00", "2027-01-04", "2027-03-26", Map.of()));
        awaitAppliedBefore(revised);
        assertEquals(
                "12.00",
                committed(revised).getString("hoursPerWeek"),
                "the late confirmation, older than the revision, changed nothing");

        UUID ended = UUID.randomUUID();
        publish(
                ended,
                event(
                        "ended.v1",
                        ended,
                        null,
                        "10",
                        "40.00",
                        "2027-01-04",
                        "2027-03-26",
                        Map.of("status", "ENDED", "endDate", "2027-02-05")));
        JsonPath e = commitmentOnceSettled(ended, json -> "ENDED".equals(json.getString("items[0].status")));
        assertEquals("2027-02-05", e.getString("endDate"));

        UUID proposal = UUID.randomUUID();
        publish(
                proposal,
                event(
                        "revised.v1",
                        proposal,
                        null,
                        "25",
                        "40.00",
                        "2027-01-04",
                        "2027-03-26",
                        Map.of("status", "PROPOSED")));
        awaitAppliedBefore(proposal);
        given().header("Authorization", TestTokens.financeOfficer())
                .get("/api/v1/finance/commitments?placementId={p}", proposal)
                .then()
                .body("totalItems", equalTo(0));
    }

    /**
     * Waits until finance has applied every event already sent with this key: a marker placement's confirmation goes
     * to the same partition behind them, and is committed only once they are done.
     */
    private static void awaitAppliedBefore(UUID key) {
        UUID marker = UUID.randomUUID();
        publish(key, event("confirmed.v1", marker, null, "10", "40.00", "2027-01-04", "2027-03-26", Map.of()));
        committed(marker);
    }

    @Test
    void aPlacementWithACostCodeFinanceDoesNotHaveIsCommittedUncodedAndCodedLater() {
        UUID placement = UUID.randomUUID();
        publish(
                placement,
                event("confirmed.v1", placement, "NO-SUCH-CODE", "10", "40.00", "2027-01-04", "2027-03-26", Map.of()));
        JsonPath c = committed(placement);
        assertEquals(null, c.getString("costCode"));
        assertEquals("NO-SUCH-CODE", c.getString("requestedCostCode"));
        given().header("Authorization", TestTokens.financeOfficer())
                .queryParam("uncoded", true)
                .queryParam("size", 200)
                .get("/api/v1/finance/commitments")
                .then()
                .statusCode(200)
                .body("items.placementId", hasItem(placement.toString()));

        String code = costCodeWithBudget("2026-27", "100000.00");
        given().header("Authorization", TestTokens.financeOfficer())
                .header("If-Match", "\"" + c.getLong("version") + "\"")
                .contentType(ContentType.JSON)
                .body(Map.of("costCode", "NOT-REGISTERED"))
                .post("/api/v1/finance/commitments/{id}/cost-code", c.getString("id"))
                .then()
                .statusCode(400)
                .body("errors.field", contains("costCode"));
        given().header("Authorization", TestTokens.financeOfficer())
                .header("If-Match", "\"" + c.getLong("version") + "\"")
                .contentType(ContentType.JSON)
                .body(Map.of("costCode", code))
                .post("/api/v1/finance/commitments/{id}/cost-code", c.getString("id"))
                .then()
                .statusCode(200)
                .body("costCode", equalTo(code))
                .body("requestedCostCode", equalTo(null));
        given().header("Authorization", TestTokens.financeOfficer())
                .queryParam("uncoded", true)
                .queryParam("size", 200)
                .get("/api/v1/finance/commitments")
                .then()
                .body("items.placementId", not(hasItem(placement.toString())));
    }

    @Test
    void aCommitmentAcrossTwoFinancialYearsIsSplitByTermWeeks() {
        // March 2027 has 21 school days (Good Friday and Easter Monday closed), April 2027 has 22.
        UUID placement = UUID.randomUUID();
        publish(placement, event("confirmed.v1", placement, null, "10", "40.00", "2027-03-01", "2027-04-30", Map.of()));
        JsonPath c = committed(placement);
        assertEquals("3440.00", c.getString("forecastCost"));
        assertEquals(List.of("2026-27", "2027-28"), c.getList("years.financialYear"));
        assertEquals(List.of("4.2000", "4.4000"), c.getList("years.weeks"));
        assertEquals(List.of("1680.00", "1760.00"), c.getList("years.amount"));
    }

    @Test
    void aMidYearChangeOfHoursCostsEachPartAtItsOwnHoursAndReplayingItChangesNothing() {
        UUID placement = UUID.randomUUID();
        publish(placement, event("confirmed.v1", placement, null, "10", "30.00", "2026-09-07", "2026-10-16", Map.of()));
        committed(placement);
        String revised = event(
                "revised.v1",
                placement,
                null,
                "20",
                "30.00",
                "2026-09-07",
                "2026-10-16",
                Map.of("effectiveFrom", "2026-09-21"));
        publish(placement, revised);
        publish(placement, revised);
        publish(
                placement,
                event(
                        "revised.v1",
                        placement,
                        null,
                        "20",
                        "30.00",
                        "2026-09-07",
                        "2026-10-16",
                        Map.of("effectiveFrom", "2026-09-21")));
        // 2 weeks at 10 h + 4 weeks at 20 h, at 30.00 an hour
        JsonPath c =
                commitmentOnceSettled(placement, json -> "3000.00".equals(json.getString("items[0].forecastCost")));
        assertEquals(
                List.of("10", "20"),
                c.getList("segments.hoursPerWeek").stream()
                        .map(Object::toString)
                        .toList());
        assertEquals("0.00", c.getString("released"));
    }

    @Test
    void anEarlyEndReleasesTheRemainderAndACancellationReleasesEverything() {
        UUID ending = UUID.randomUUID();
        publish(ending, event("confirmed.v1", ending, null, "10", "30.00", "2026-09-07", "2026-10-16", Map.of()));
        assertEquals("1800.00", committed(ending).getString("forecastCost"));
        publish(
                ending,
                event(
                        "ended.v1",
                        ending,
                        null,
                        "10",
                        "30.00",
                        "2026-09-07",
                        "2026-10-16",
                        Map.of("status", "ENDED", "endDate", "2026-09-18")));
        JsonPath ended = commitmentOnceSettled(ending, json -> "ENDED".equals(json.getString("items[0].status")));
        assertEquals("600.00", ended.getString("forecastCost"));
        assertEquals("1200.00", ended.getString("released"));
        assertEquals("2026-09-18", ended.getString("endDate"));

        UUID cancelled = UUID.randomUUID();
        publish(cancelled, event("confirmed.v1", cancelled, null, "10", "30.00", "2026-09-07", "2026-10-16", Map.of()));
        committed(cancelled);
        publish(
                cancelled,
                event(
                        "cancelled.v1",
                        cancelled,
                        null,
                        "10",
                        "30.00",
                        "2026-09-07",
                        "2026-10-16",
                        Map.of("status", "CANCELLED")));
        JsonPath gone = commitmentOnceSettled(cancelled, json -> "CANCELLED".equals(json.getString("items[0].status")));
        assertEquals("0.00", gone.getString("forecastCost"));
        assertEquals("1800.00", gone.getString("released"));
    }

    @Test
    void theHighCostThresholdAtItsValueNeedsNoApprovalJustOverItDoes() {
        UUID at = UUID.randomUUID();
        UUID over = UUID.randomUUID();
        UUID ehc = UUID.randomUUID();
        publish(at, event("confirmed.v1", at, null, "25", "40.00", "2026-09-07", "2026-09-25", Map.of()));
        publish(over, event("confirmed.v1", over, null, "25", "40.01", "2026-09-07", "2026-09-25", Map.of()));
        publish(
                ehc,
                event("confirmed.v1", ehc, null, "10", "20.00", "2026-09-07", "2026-09-25", Map.of("ehcPlan", true)));
        assertEquals("NOT_REQUIRED", committed(at).getString("approval"));
        JsonPath pending = committed(over);
        assertEquals("PENDING", pending.getString("approval"));
        assertEquals(List.of("weekly cost 1000.25 is over 1000.00"), pending.getList("approvalReasons"));
        assertEquals(
                List.of("SEND protocol: the pupil has an EHC plan"),
                committed(ehc).getList("approvalReasons"));
        // Funding before the plan: an assessment under way follows the SEND protocol too.
        UUID assessing = UUID.randomUUID();
        publish(
                assessing,
                event(
                        "confirmed.v1",
                        assessing,
                        null,
                        "10",
                        "20.00",
                        "2026-09-07",
                        "2026-09-25",
                        Map.of("ehcNeedsAssessment", true)));
        JsonPath beforeThePlan = committed(assessing);
        assertEquals("PENDING", beforeThePlan.getString("approval"));
        assertEquals(
                List.of("SEND protocol: funding before the plan, the pupil's EHC needs assessment is under way"),
                beforeThePlan.getList("approvalReasons"));
        assertEquals(true, beforeThePlan.getBoolean("ehcNeedsAssessment"));

        String overId = pending.getString("id");
        given().header("Authorization", TestTokens.hubOfficer())
                .get("/api/v1/finance/commitments/pending-approval")
                .then()
                .statusCode(200)
                .body("commitment.placementId", hasItem(over.toString()))
                .body("commitment.placementId", hasItem(ehc.toString()))
                .body("commitment.placementId", not(hasItem(at.toString())))
                .body("find { it.commitment.placementId == '" + over + "' }.waitingDays", equalTo(0))
                .body("find { it.commitment.placementId == '" + over + "' }.overdue", equalTo(false));
        // An EHC-plan pupil's commitment is due sooner (2 s in tests): it becomes overdue; the other does not.
        Ports.await(
                "the EHC-plan commitment overdue",
                Duration.ofSeconds(15),
                () -> given().header("Authorization", TestTokens.hubOfficer())
                        .get("/api/v1/finance/commitments/pending-approval")
                        .then()
                        .extract()
                        .<Boolean>path("find { it.commitment.placementId == '" + ehc + "' }.overdue"));
        given().header("Authorization", TestTokens.hubOfficer())
                .get("/api/v1/finance/commitments/pending-approval")
                .then()
                .body("find { it.commitment.placementId == '" + over + "' }.overdue", equalTo(false));
        // The funding clock announces it once (however many sweeps see it), for the Hub's attention list.
        String bootstrap = KafkaBroker.shared().bootstrapServers();
        Predicate<JsonNode> ehcOverdue =
                KafkaEvents.ofType("uk.gov.bristol.alp.finance.commitment-approval-overdue.v1", ehc.toString());
        KafkaEvents.awaitOne(bootstrap, "alp.finance.v1", ehcOverdue, Duration.ofSeconds(20));
        List<JsonNode> overdueEvents = KafkaEvents.read(bootstrap, "alp.finance.v1", ehcOverdue, Duration.ofSeconds(3));
        assertEquals(1, overdueEvents.size(), "announced once");
        assertEquals(List.of(), AsyncApiContract.load().violations("alp.finance.v1", overdueEvents.get(0)));
        assertEquals(true, overdueEvents.get(0).path("data").path("ehcPlan").asBoolean());
        given().header("Authorization", TestTokens.hubOfficer())
                .contentType(ContentType.JSON)
                .body(Map.of("note", "ok"))
                .post("/api/v1/finance/commitments/{id}/approve", overId)
                .then()
                .statusCode(403);
        long read = pending.getLong("version");
        given().header("Authorization", TestTokens.financeOfficer())
                .contentType(ContentType.JSON)
                .body(Map.of("note", "Agreed by the High Needs panel"))
                .post("/api/v1/finance/commitments/{id}/approve", overId)
                .then()
                .statusCode(428);
        given().header("Authorization", TestTokens.financeOfficer())
                .header("If-Match", "\"" + (read + 1) + "\"")
                .contentType(ContentType.JSON)
                .body(Map.of("note", "Agreed by the High Needs panel"))
                .post("/api/v1/finance/commitments/{id}/approve", overId)
                .then()
                .statusCode(412);
        given().header("Authorization", TestTokens.financeOfficer())
                .header("If-Match", "\"" + read + "\"")
                .contentType(ContentType.JSON)
                .body(Map.of("note", "Agreed by the High Needs panel"))
                .post("/api/v1/finance/commitments/{id}/approve", overId)
                .then()
                .statusCode(200)
                .body("approval", equalTo("APPROVED"))
                .body("approvedBy", equalTo("finance.officer"));
        JsonNode approved = KafkaEvents.awaitOne(
                bootstrap,
                "alp.finance.v1",
                KafkaEvents.ofType("uk.gov.bristol.alp.finance.commitment-approved.v1", over.toString()),
                Duration.ofSeconds(20));
        assertEquals(List.of(), AsyncApiContract.load().violations("alp.finance.v1", approved));
        assertEquals(overId, approved.path("data").path("commitmentId").asText());
        given().header("Authorization", TestTokens.financeOfficer())
                .header("If-Match", "*")
                .contentType(ContentType.JSON)
                .body(Map.of("note", "again"))
                .post("/api/v1/finance/commitments/{id}/approve", overId)
                .then()
                .statusCode(409)
                .body("type", containsString("commitment-not-pending-approval"));
        given().header("Authorization", TestTokens.auditor())
                .get("/api/v1/finance/commitments/pending-approval")
                .then()
                .body("commitment.placementId", not(hasItem(over.toString())));
    }

    @Test
    void eachBudgetThresholdIsAnnouncedOnceAndTheCommitmentPastTheBudgetIsFlagged() {
        String code = costCodeWithBudget("2026-27", "1000.00");
        // 60 %, then 90 % (80 and 90 reached), then 110 % (100 reached, flagged), then 120 % (nothing new).
        String[] hours = {"10", "5", "3.3333", "1.6667"};
        List<UUID> placements = new ArrayList<>();
        for (String h : hours) {
            UUID p = UUID.randomUUID();
            placements.add(p);
            // 2 weeks (7-18 Sep 2026) at 30.00 an hour
            publish(p, event("confirmed.v1", p, code, h, "30.00", "2026-09-07", "2026-09-18", Map.of()));
            committed(p);
        }
        assertEquals(false, committed(placements.get(1)).getBoolean("overBudget"));
        assertEquals(true, committed(placements.get(2)).getBoolean("overBudget"));
        assertEquals(true, committed(placements.get(3)).getBoolean("overBudget"));

        String bootstrap = KafkaBroker.shared().bootstrapServers();
        Predicate<JsonNode> forCode = e -> "uk.gov.bristol.alp.finance.budget-threshold-reached.v1"
                        .equals(e.path("type").asText())
                && code.equals(e.path("data").path("costCode").asText());
        List<JsonNode> events = KafkaEvents.awaitCount(bootstrap, "alp.finance.v1", forCode, 3, Duration.ofSeconds(20));
        events = KafkaEvents.read(bootstrap, "alp.finance.v1", forCode, Duration.ofSeconds(3));
        assertEquals(
                List.of(80, 90, 100),
                events.stream().map(e -> e.path("data").path("level").asInt()).toList());
        assertEquals(List.of(), AsyncApiContract.load().violations("alp.finance.v1", events.get(2)));
        assertEquals("1100.00", events.get(2).path("data").path("committed").asText());
    }

    @Test
    void theRunningTotalsAlwaysEqualTheSharesTheySum() {
        // After everything the other tests and this one did (commit, revise, end, cancel, approve, recode, price):
        String code = costCodeWithBudget("2026-27", "5000.00");
        UUID revised = UUID.randomUUID();
        publish(revised, event("confirmed.v1", revised, code, "10", "30.00", "2026-09-07", "2026-12-18", Map.of()));
        committed(revised);
        publish(
                revised,
                event(
                        "revised.v1",
                        revised,
                        code,
                        "5",
                        "30.00",
                        "2026-09-07",
                        "2027-05-21",
                        Map.of("effectiveFrom", "2026-10-05")));
        commitmentOnceSettled(revised, json -> json.getList("items[0].segments").size() == 2);
        // One statement, so both sides are read from one snapshot while other events may still be applied.
        String compare = """
                with kept as (
                    select financial_year, cost_code, committed, pending, rate_pending, shares from budget_total
                    where shares <> 0 or committed <> 0 or pending <> 0 or rate_pending <> 0),
                summed as (
                    select y.financial_year, coalesce(c.cost_code, '') as cost_code,
                           coalesce(sum(y.amount) filter (where c.approval <> 'PENDING'), 0) as committed,
                           coalesce(sum(y.amount) filter (where c.approval = 'PENDING'), 0) as pending,
                           count(*) filter (where y.amount is null) as rate_pending, count(*) as shares
                    from commitment_year y join commitment c on c.id = y.commitment_id
                    group by 1, 2)
                select 'kept ' || k::text from (select * from kept except select * from summed) k
                union all
                select 'summed ' || s::text from (select * from summed except select * from kept) s""";
        List<?> differences = QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery(compare).getResultList());
        assertEquals(List.of(), differences);
        List<?> kept = QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery("select cost_code from budget_total where shares > 0")
                        .getResultList());
        assertTrue(kept.contains(code), kept.toString());
    }

    @Test
    void replayingEveryPlacementEventTwiceChangesNoTotal() {
        String code = costCodeWithBudget("2026-27", "50000.00");
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        List<String[]> history = List.of(
                new String[] {
                    a.toString(), event("confirmed.v1", a, code, "10", "30.00", "2026-09-07", "2026-12-18", Map.of())
                },
                new String[] {
                    b.toString(), event("confirmed.v1", b, code, "12", "35.00", "2026-09-07", "2027-02-12", Map.of())
                },
                new String[] {
                    a.toString(),
                    event(
                            "revised.v1",
                            a,
                            code,
                            "15",
                            "30.00",
                            "2026-09-07",
                            "2026-12-18",
                            Map.of("effectiveFrom", "2026-10-05"))
                },
                new String[] {
                    b.toString(),
                    event(
                            "ended.v1",
                            b,
                            code,
                            "12",
                            "35.00",
                            "2026-09-07",
                            "2027-02-12",
                            Map.of("status", "ENDED", "endDate", "2026-11-27"))
                });
        history.forEach(h -> TestEvents.publish("alp.placements.v1", h[0], h[1]));
        commitmentOnceSettled(b, json -> "ENDED".equals(json.getString("items[0].status")));
        commitmentOnceSettled(a, json -> json.getList("items[0].segments").size() == 2);
        JsonPath before = position("2026-27");

        history.forEach(h -> TestEvents.publish("alp.placements.v1", h[0], h[1])); // the same events again
        history.forEach(h -> TestEvents.publish(
                "alp.placements.v1",
                h[0],
                h[1].replaceFirst( // and as new events
                        "\"id\":\"[^\"]+\"", "\"id\":\"" + UUID.randomUUID() + "\"")));
        // An empty register (handled, and changing nothing) after the replay, on each placement's partition: once
        // both are in the inbox, every replayed event before them has been consumed. (A type finance does not act on
        // would leave no inbox row to wait for.)
        List<UUID> markers = List.of(UUID.randomUUID(), UUID.randomUUID());
        TestEvents.publish(
                "alp.placements.v1",
                a.toString(),
                TestEvents.envelope(
                        markers.get(0),
                        PLACEMENT + "attendance-recorded.v1",
                        a.toString(),
                        OffsetDateTime.now(),
                        Map.of("placementId", a.toString(), "marks", List.of())));
        TestEvents.publish(
                "alp.placements.v1",
                b.toString(),
                TestEvents.envelope(
                        markers.get(1),
                        PLACEMENT + "attendance-recorded.v1",
                        b.toString(),
                        OffsetDateTime.now(),
                        Map.of("placementId", b.toString(), "marks", List.of())));
        Ports.await(
                "the replay consumed",
                Duration.ofSeconds(30),
                () -> QuarkusTransaction.requiringNew()
                        .call(() -> ((Number) em.createNativeQuery(
                                                        "select count(*) from inbox_message where event_id in (?1, ?2)")
                                                .setParameter(1, markers.get(0))
                                                .setParameter(2, markers.get(1))
                                                .getSingleResult())
                                        .intValue()
                                == 2));
        JsonPath after = position("2026-27");
        String line = "byCostCode.find { it.costCode == '" + code + "' }";
        assertEquals(before.getString(line + ".committed"), after.getString(line + ".committed"));
        assertEquals(before.getString(line + ".forecastOutturn"), after.getString(line + ".forecastOutturn"));
    }

    @Test
    void theBudgetPositionShowsBudgetCommittedPendingAndRemainingAsJsonAndCsv() {
        String code = costCodeWithBudget("2026-27", "5000.00");
        UUID ordinary = UUID.randomUUID();
        UUID highCost = UUID.randomUUID();
        publish(ordinary, event("confirmed.v1", ordinary, code, "10", "30.00", "2026-09-07", "2026-09-18", Map.of()));
        publish(
                highCost,
                event(
                        "confirmed.v1",
                        highCost,
                        code,
                        "10",
                        "30.00",
                        "2026-09-07",
                        "2026-09-18",
                        Map.of("ehcPlan", true)));
        committed(ordinary);
        committed(highCost);
        String line = "byCostCode.find { it.costCode == '" + code + "' }";
        given().header("Authorization", TestTokens.hubOfficer())
                .queryParam("year", "2026-27")
                .get("/api/v1/finance/reports/budget-position")
                .then()
                .statusCode(200)
                .body(line + ".budget", equalTo("5000.00"))
                .body(line + ".committed", equalTo("600.00"))
                .body(line + ".pendingApproval", equalTo("600.00"))
                .body(line + ".forecastOutturn", equalTo("1200.00"))
                .body(line + ".remaining", equalTo("3800.00"))
                .body(line + ".fundingStream", equalTo("HIGH_NEEDS_BLOCK"));
        String csv = given().header("Authorization", TestTokens.auditor())
                .accept("text/csv")
                .queryParam("year", "2026-27")
                .get("/api/v1/finance/reports/budget-position")
                .then()
                .statusCode(200)
                .contentType(containsString("text/csv"))
                .extract()
                .asString();
        assertEquals(
                "financial_year,cost_code,cost_centre,budget_line,funding_stream,budget,committed,"
                        + "pending_approval,invoiced,forecast_outturn,remaining,commitments_awaiting_a_rate",
                csv.lines().findFirst().get());
        assertEquals(
                true,
                csv.lines()
                        .anyMatch(l -> l.startsWith("2026-27," + code + ",")
                                && l.endsWith(",HIGH_NEEDS_BLOCK,5000.00,600.00,600.00,0.00,1200.00,3800.00,0")),
                csv);
        given().header("Authorization", TestTokens.school("100001"))
                .get("/api/v1/finance/reports/budget-position")
                .then()
                .statusCode(403);
        given().header("Authorization", TestTokens.auditor())
                .queryParam("year", "26-27")
                .get("/api/v1/finance/reports/budget-position")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("year"));
    }

    private static JsonPath position(String year) {
        return given().header("Authorization", TestTokens.financeOfficer())
                .queryParam("year", year)
                .get("/api/v1/finance/reports/budget-position")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static String costCodeWithBudget(String year, String amount) {
        String code = "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        given().header("Authorization", TestTokens.financeOfficer())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "code",
                        code,
                        "description",
                        "test",
                        "costCentre",
                        "CC-" + code,
                        "budgetLine",
                        "BL-" + code,
                        "fundingStream",
                        "HIGH_NEEDS_BLOCK"))
                .post("/api/v1/finance/cost-codes")
                .then()
                .statusCode(201);
        given().header("Authorization", TestTokens.financeOfficer())
                .contentType(ContentType.JSON)
                .body(Map.of("amount", amount, "reason", "test budget"))
                .put("/api/v1/finance/budgets/{year}/{code}", year, code)
                .then()
                .statusCode(200);
        return code;
    }
}
