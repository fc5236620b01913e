package uk.gov.bristol.alp.finance.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import uk.gov.bristol.alp.testing.AlpServiceTestResource;
import uk.gov.bristol.alp.testing.AsyncApiContract;
import uk.gov.bristol.alp.testing.KafkaBroker;
import uk.gov.bristol.alp.testing.KafkaEvents;
import uk.gov.bristol.alp.testing.TestTokens;

@QuarkusTest
@QuarkusTestResource(
        value = AlpServiceTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "alp_finance"))
class LedgerResourceTest {
    private static final String RULES = "https://alp.bristol.gov.uk/problems/rules/";

    private static String newCode() {
        return "ALP-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private static String register(String code, String centre, String line, String stream) {
        return given().header("Authorization", TestTokens.financeOfficer())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "code",
                        code,
                        "description",
                        "ALP placements " + code,
                        "costCentre",
                        centre,
                        "budgetLine",
                        line,
                        "fundingStream",
                        stream))
                .post("/api/v1/finance/cost-codes")
                .then()
                .statusCode(201)
                .extract()
                .path("code");
    }

    @Test
    void aCostCodeIsRegisteredOnceUnderTheCostCentreOfItsBudgetLine() {
        String line = "BL-" + UUID.randomUUID().toString().substring(0, 6);
        String code = register(newCode(), "CC100", line, "HIGH_NEEDS_BLOCK");
        JsonNode published = KafkaEvents.awaitOne(
                KafkaBroker.shared().bootstrapServers(),
                "alp.finance.v1",
                KafkaEvents.ofType("uk.gov.bristol.alp.finance.cost-code-changed.v1", code),
                Duration.ofSeconds(20));
        assertEquals("ACTIVE", published.path("data").path("status").asText());
        assertEquals(List.of(), AsyncApiContract.load().violations("alp.finance.v1", published));
        given().header("Authorization", TestTokens.financeOfficer())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "code",
                        code,
                        "description",
                        "again",
                        "costCentre",
                        "CC100",
                        "budgetLine",
                        line,
                        "fundingStream",
                        "HIGH_NEEDS_BLOCK"))
                .post("/api/v1/finance/cost-codes")
                .then()
                .statusCode(409)
                .body("type", equalTo(RULES + "cost-code-exists"));
        given().header("Authorization", TestTokens.financeOfficer())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "code",
                        newCode(),
                        "description",
                        "mismatch",
                        "costCentre",
                        "CC200",
                        "budgetLine",
                        line,
                        "fundingStream",
                        "ALP_HUB_CORE"))
                .post("/api/v1/finance/cost-codes")
                .then()
                .statusCode(422)
                .body("type", equalTo(RULES + "budget-line-cost-centre-mismatch"))
                .body("errors[0].field", equalTo("costCentre"));
        given().header("Authorization", TestTokens.financeOfficer())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "code",
                        "alp 1",
                        "description",
                        "x",
                        "costCentre",
                        "CC1",
                        "budgetLine",
                        "L",
                        "fundingStream",
                        "NOT_A_STREAM"))
                .post("/api/v1/finance/cost-codes")
                .then()
                .statusCode(400);
        given().header("Authorization", TestTokens.hubOfficer())
                .queryParam("fundingStream", "HIGH_NEEDS_BLOCK")
                .get("/api/v1/finance/cost-codes")
                .then()
                .statusCode(200)
                .body("code", hasItem(code))
                .body("fundingStream", everyItem(equalTo("HIGH_NEEDS_BLOCK")));
    }

    @Test
    void onlyFinanceOfficersWriteTheHubAndAuditorsReadAndNobodyElse() {
        String code = newCode();
        given().header("Authorization", TestTokens.hubOfficer())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "code",
                        code,
                        "description",
                        "x",
                        "costCentre",
                        "CC1",
                        "budgetLine",
                        "L1",
                        "fundingStream",
                        "ALP_HUB_CORE"))
                .post("/api/v1/finance/cost-codes")
                .then()
                .statusCode(403);
        given().header("Authorization", TestTokens.auditor())
                .get("/api/v1/finance/cost-codes")
                .then()
                .statusCode(200);
        given().header("Authorization", TestTokens.school("100001"))
                .get("/api/v1/finance/cost-codes")
                .then()
                .statusCode(403);
        given().header("Authorization", TestTokens.panelChair())
                .get("/api/v1/finance/budgets/2026-27")
                .then()
                .statusCode(403);
        given().get("/api/v1/finance/cost-codes").then().statusCode(401);
    }

    @Test
    void aBudgetKeepsEveryChangeWithItsReason() {
        String code = register(
                newCode(), "CC300", "BL-" + UUID.randomUUID().toString().substring(0, 6), "SCHOOL_FUNDED");
        setBudget("2026-27", code, "120000.00", "Original budget")
                .statusCode(200)
                .body("amount", equalTo("120000.00"));
        setBudget("2026-27", code, "135500.50", "Growth in Fair Access cases")
                .statusCode(200)
                .body("amount", equalTo("135500.50"));
        given().header("Authorization", TestTokens.auditor())
                .get("/api/v1/finance/budgets/2026-27/{code}/history", code)
                .then()
                .statusCode(200)
                .body("previousAmount", contains(nullValue(), equalTo("120000.00")))
                .body("newAmount", contains("120000.00", "135500.50"))
                .body("reason", contains("Original budget", "Growth in Fair Access cases"));
        given().header("Authorization", TestTokens.hubOfficer())
                .get("/api/v1/finance/budgets/2026-27")
                .then()
                .statusCode(200)
                .body("find { it.costCode == '" + code + "' }.amount", equalTo("135500.50"));
        setBudget("2026-28", code, "1.00", "x").statusCode(400).body("errors[0].field", equalTo("year"));
        setBudget("2026-27", code, "-1.00", "x").statusCode(400).body("errors[0].field", equalTo("amount"));
        setBudget("2026-27", code, "1.005", "x").statusCode(400).body("errors[0].field", equalTo("amount"));
        setBudget("2026-27", "NO-SUCH-CODE", "1.00", "x").statusCode(404);
    }

    @Test
    void aCodeInUseIsRetiredNotDeletedAndARetiredCodeTakesNoNewBudget() {
        String used = register(
                newCode(), "CC400", "BL-" + UUID.randomUUID().toString().substring(0, 6), "POST_16_YOUNG_PARENTS");
        setBudget("2026-27", used, "5000.00", "Young parents pilot").statusCode(200);
        given().header("Authorization", TestTokens.financeOfficer())
                .delete("/api/v1/finance/cost-codes/{code}", used)
                .then()
                .statusCode(409)
                .body("type", equalTo(RULES + "cost-code-in-use"));
        given().header("Authorization", TestTokens.financeOfficer())
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "Pilot ended"))
                .post("/api/v1/finance/cost-codes/{code}/retire", used)
                .then()
                .statusCode(200)
                .body("status", equalTo("RETIRED"))
                .body("retiredReason", equalTo("Pilot ended"));
        setBudget("2027-28", used, "5000.00", "next year")
                .statusCode(409)
                .body("type", equalTo(RULES + "cost-code-retired"));
        setBudget("2026-27", used, "4000.00", "in-year reduction").statusCode(200);
        given().header("Authorization", TestTokens.hubOfficer())
                .queryParam("status", "ACTIVE")
                .get("/api/v1/finance/cost-codes")
                .then()
                .body("code", not(hasItem(used)));

        String mistake = register(
                newCode(), "CC400", "BL-" + UUID.randomUUID().toString().substring(0, 6), "ALP_HUB_CORE");
        given().header("Authorization", TestTokens.financeOfficer())
                .delete("/api/v1/finance/cost-codes/{code}", mistake)
                .then()
                .statusCode(204);
        given().header("Authorization", TestTokens.hubOfficer())
                .get("/api/v1/finance/cost-codes/{code}", mistake)
                .then()
                .statusCode(404);
    }

    @Test
    void twoOfficersSettingAFirstBudgetOrRegisteringOneCodeAtOnceNeverGetA500() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                String code = register(
                        newCode(), "CC500", "BL-" + UUID.randomUUID().toString().substring(0, 6), "HIGH_NEEDS_BLOCK");
                CountDownLatch start = new CountDownLatch(1);
                Callable<Integer> setFirst = () -> {
                    start.await();
                    return setBudget("2026-27", code, "1000.00", "first budget")
                            .extract()
                            .statusCode();
                };
                Future<Integer> a = pool.submit(setFirst);
                Future<Integer> b = pool.submit(setFirst);
                start.countDown();
                List<Integer> statuses = List.of(a.get(), b.get());
                assertTrue(
                        statuses.stream().allMatch(st -> st == 200 || st == 201 || st == 409),
                        "round " + round + ": " + statuses);
                assertTrue(statuses.stream().anyMatch(st -> st < 300), "round " + round + ": one was set " + statuses);

                String twin = newCode();
                String twinLine = "BL-TWIN-" + UUID.randomUUID().toString().substring(0, 6);
                CountDownLatch go = new CountDownLatch(1);
                Callable<Integer> registerTwin = () -> {
                    go.await();
                    return given().header("Authorization", TestTokens.financeOfficer())
                            .contentType(ContentType.JSON)
                            .body(Map.of(
                                    "code",
                                    twin,
                                    "description",
                                    "twin",
                                    "costCentre",
                                    "CC500",
                                    "budgetLine",
                                    twinLine,
                                    "fundingStream",
                                    "HIGH_NEEDS_BLOCK"))
                            .post("/api/v1/finance/cost-codes")
                            .statusCode();
                };
                Future<Integer> c = pool.submit(registerTwin);
                Future<Integer> d = pool.submit(registerTwin);
                go.countDown();
                List<Integer> registered = new ArrayList<>(List.of(c.get(), d.get()));
                Collections.sort(registered);
                assertEquals(List.of(201, 409), registered, "round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static ValidatableResponse setBudget(String year, String code, String amount, String reason) {
        return given().header("Authorization", TestTokens.financeOfficer())
                .contentType(ContentType.JSON)
                .body(Map.of("amount", amount, "reason", reason))
                .put("/api/v1/finance/budgets/{year}/{code}", year, code)
                .then();
    }
}
