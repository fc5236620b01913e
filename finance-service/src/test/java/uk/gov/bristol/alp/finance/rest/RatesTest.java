package uk.gov.bristol.alp.finance.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import uk.gov.bristol.alp.finance.support.PlacementEventData;
import uk.gov.bristol.alp.testing.AlpServiceTestResource;
import uk.gov.bristol.alp.testing.Ports;
import uk.gov.bristol.alp.testing.TestEvents;
import uk.gov.bristol.alp.testing.TestTokens;

/** Rates from the registry's events and from finance, pricing commitments that wait for one. */
@QuarkusTest
@QuarkusTestResource(
        value = AlpServiceTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "alp_finance"))
class RatesTest {

    private static void confirmedWithoutRate(UUID placement, UUID provider, String start, String end) {
        confirmed(placement, provider, start, end, Map.of());
    }

    private static void confirmed(UUID placement, UUID provider, String start, String end, Map<String, Object> extra) {
        Map<String, Object> data = PlacementEventData.confirmedSchoolPlacement(placement, provider, start, end, "10");
        data.putAll(extra);
        TestEvents.publish(
                "alp.placements.v1",
                placement.toString(),
                TestEvents.envelope(
                        UUID.randomUUID(),
                        "uk.gov.bristol.alp.placement.confirmed.v1",
                        placement.toString(),
                        OffsetDateTime.now(),
                        data));
    }

    private static void registryOffers(UUID provider, List<Map<String, String>> rates) {
        registryOffers(provider, "Rates Test Provider", "SEMH", rates);
    }

    private static void registryOffers(UUID provider, String name, String specialism, List<Map<String, String>> rates) {
        TestEvents.publish(
                "alp.providers.v1",
                provider.toString(),
                TestEvents.envelope(
                        UUID.randomUUID(),
                        "uk.gov.bristol.alp.provider.rates-changed.v1",
                        provider.toString(),
                        OffsetDateTime.now(),
                        Map.of(
                                "providerId",
                                provider.toString(),
                                "name",
                                name,
                                "registrationStatus",
                                "UNREGISTERED",
                                "leadAuthority",
                                "bristol",
                                "frameworkStatus",
                                "APPROVED",
                                "compliant",
                                true,
                                "specialisms",
                                List.of(specialism),
                                "rates",
                                rates)));
    }

    private static JsonPath commitment(UUID placement, Predicate<JsonPath> settled) {
        List<JsonPath> found = new ArrayList<>();
        Ports.await("commitment for " + placement, Duration.ofSeconds(30), () -> {
            JsonPath json = given().header("Authorization", TestTokens.financeOfficer())
                    .get("/api/v1/finance/commitments?placementId={p}", placement)
                    .then()
                    .extract()
                    .jsonPath();
            if (json.getInt("totalItems") == 1 && settled.test(json.setRootPath("items[0]"))) {
                found.add(json);
                return true;
            }
            return false;
        });
        return found.get(0);
    }

    @Test
    void aCommitmentWaitingForARateTakesTheOneTheRegistryThenOffers() {
        UUID provider = UUID.randomUUID();
        UUID placement = UUID.randomUUID();
        confirmedWithoutRate(placement, provider, "2026-09-07", "2026-09-25");
        commitment(placement, c -> "RATE_PENDING".equals(c.getString("status")));
        registryOffers(provider, List.of(Map.of("unit", "SESSION", "amount", "60.00", "validFrom", "2026-04-01")));
        registryOffers(
                provider,
                List.of(
                        Map.of("unit", "SESSION", "amount", "60.00", "validFrom", "2026-04-01"),
                        Map.of("unit", "HOUR", "amount", "35.00", "validFrom", "2026-04-01", "validTo", "2027-03-31")));
        JsonPath c = commitment(placement, j -> "COMMITTED".equals(j.getString("status")));
        assertEquals("35.00", c.getString("rate"));
        assertEquals("HOUR", c.getString("rateUnit"));
        assertEquals("REGISTRY", c.getString("rateSource"));
        assertEquals("1050.00", c.getString("forecastCost")); // 10 h x 35.00 x 3 term weeks
    }

    @Test
    void aRateTypedAtCommissioningNeverBeatsTheOneTheRegistryOffersOrFinanceAgreed() {
        UUID provider = UUID.randomUUID();
        registryOffers(provider, List.of(Map.of("unit", "HOUR", "amount", "40.00", "validFrom", "2026-04-01")));
        Ports.await(
                "the provider's rates known to finance",
                Duration.ofSeconds(30),
                () -> !given().header("Authorization", TestTokens.financeOfficer())
                        .get("/api/v1/finance/providers/{id}/rates", provider)
                        .then()
                        .extract()
                        .jsonPath()
                        .getList("offered")
                        .isEmpty());
        UUID placement = UUID.randomUUID();
        // A penny an hour would keep a costly placement under the high-cost threshold: it does not count.
        confirmed(placement, provider, "2026-09-07", "2026-09-25", Map.of("hourlyRate", "0.01"));
        JsonPath c = commitment(placement, j -> "COMMITTED".equals(j.getString("status")));
        assertEquals("40.00", c.getString("rate"));
        assertEquals("REGISTRY", c.getString("rateSource"));
    }

    @Test
    void aRateAgreedByFinanceComesFirstAndAWeeklyRateCostsTheWeek() {
        UUID provider = UUID.randomUUID();
        registryOffers(provider, List.of(Map.of("unit", "HOUR", "amount", "40.00", "validFrom", "2026-04-01")));
        given().header("Authorization", TestTokens.hubOfficer())
                .contentType(ContentType.JSON)
                .body(Map.of("unit", "WEEK", "amount", "500.00", "validFrom", "2026-09-01", "reason", "x"))
                .post("/api/v1/finance/providers/{id}/rates", provider)
                .then()
                .statusCode(403);
        given().header("Authorization", TestTokens.financeOfficer())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "unit",
                        "WEEK",
                        "amount",
                        "500.00",
                        "validFrom",
                        "2026-09-01",
                        "validTo",
                        "2026-08-01",
                        "reason",
                        "backwards"))
                .post("/api/v1/finance/providers/{id}/rates", provider)
                .then()
                .statusCode(400);
        given().header("Authorization", TestTokens.financeOfficer())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "unit",
                        "WEEK",
                        "amount",
                        "500.00",
                        "validFrom",
                        "2026-09-01",
                        "reason",
                        "Block contract agreed at the High Needs panel"))
                .post("/api/v1/finance/providers/{id}/rates", provider)
                .then()
                .statusCode(201)
                .body("source", equalTo("AGREED"));
        Ports.await(
                "the registry's offer known to finance",
                Duration.ofSeconds(30),
                () -> given().header("Authorization", TestTokens.auditor())
                                .get("/api/v1/finance/providers/{id}/rates", provider)
                                .then()
                                .extract()
                                .jsonPath()
                                .getList("offered")
                                .size()
                        == 1);

        UUID placement = UUID.randomUUID();
        confirmedWithoutRate(placement, provider, "2026-09-07", "2026-09-25");
        JsonPath c = commitment(placement, j -> "COMMITTED".equals(j.getString("status")));
        assertEquals("WEEK", c.getString("rateUnit"));
        assertEquals("AGREED", c.getString("rateSource"));
        assertEquals("1500.00", c.getString("forecastCost")); // 500.00 a week x 3 term weeks, whatever the hours
    }

    @Test
    void providersOfTheSameSpecialismAreComparedByUnitCostAgainstTheMedian() {
        UUID hourly = UUID.randomUUID();
        UUID weekly = UUID.randomUUID();
        registryOffers(
                hourly,
                "Outdoor Hourly",
                "OUTDOOR",
                List.of(Map.of("unit", "HOUR", "amount", "30.00", "validFrom", "2026-04-01")));
        registryOffers(
                weekly,
                "Outdoor Weekly",
                "OUTDOOR",
                List.of(Map.of("unit", "WEEK", "amount", "500.00", "validFrom", "2026-04-01")));
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        confirmedWithoutRate(a, hourly, "2026-09-07", "2026-09-18");
        confirmedWithoutRate(b, weekly, "2026-09-07", "2026-09-18");
        commitment(a, j -> "600.00".equals(j.getString("forecastCost")));
        commitment(b, j -> "1000.00".equals(j.getString("forecastCost")));

        String outdoor = "bySpecialism.OUTDOOR";
        given().header("Authorization", TestTokens.hubOfficer())
                .queryParam("year", "2026-27")
                .get("/api/v1/finance/reports/value-for-money")
                .then()
                .statusCode(200)
                .body(outdoor + ".medianCostPerHour", equalTo("40.00"))
                .body(outdoor + ".providers.name", Matchers.contains("Outdoor Hourly", "Outdoor Weekly"))
                .body(outdoor + ".providers.costPerHour", Matchers.contains("30.00", "50.00"))
                .body(outdoor + ".providers.costPerPupilWeek", Matchers.contains("300.00", "500.00"))
                .body(outdoor + ".providers.costPerHourAsPercentOfMedian", Matchers.contains("75", "125"))
                .body("providers.find { it.name == 'Outdoor Hourly' }.hours", equalTo("20.00"));
    }
}
