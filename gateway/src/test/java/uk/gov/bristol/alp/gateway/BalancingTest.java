package uk.gov.bristol.alp.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import uk.gov.bristol.alp.testing.Ports;
import uk.gov.bristol.alp.testing.TestTokens;

/** Several instances behind each route: spread, fail-over, retries only where a request may be sent twice. */
@QuarkusTest
@QuarkusTestResource(value = InstancesResource.class, restrictToAnnotatedClass = true)
class BalancingTest {
    @ConfigProperty(name = "alp.gateway.upstreams.registry")
    List<URI> registry;

    @ConfigProperty(name = "alp.gateway.upstreams.placement")
    List<URI> placement;

    @ConfigProperty(name = "alp.gateway.upstreams.panel")
    List<URI> panel;

    private static final String TOKEN = TestTokens.hubOfficer();

    @Test
    void requestsAreSpreadEvenlyOverTheInstances() {
        Map<Integer, Integer> perInstance = new HashMap<>();
        for (int i = 0; i < 40; i++) {
            int instance = given().header("Authorization", TOKEN)
                    .get("/api/v1/providers")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("instance");
            perInstance.merge(instance, 1, Integer::sum);
        }
        assertEquals(2, perInstance.size(), perInstance.toString());
        perInstance.values().forEach(n -> assertTrue(n >= 15, "each instance takes its share: " + perInstance));
    }

    @Test
    void anInstanceThatRefusesConnectionsIsPassedOverForEveryMethodAndComesBackWhenItListens() {
        for (int i = 0; i < 6; i++) {
            given().header("Authorization", TOKEN)
                    .get("/api/v1/placements")
                    .then()
                    .statusCode(200);
            int instance = given().header("Authorization", TOKEN)
                    .contentType(ContentType.JSON)
                    .body("{\"n\":" + i + "}")
                    .post("/api/v1/placements")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("instance");
            assertEquals(placement.get(1).getPort(), instance, "answered by the instance that listens");
        }
        int late = placement.get(0).getPort();
        given().get(placement.get(1) + "/__start-late").then().statusCode(200);
        Ports.await(
                "the instance that came up to be back in service",
                Duration.ofSeconds(10),
                () -> given().header("Authorization", TOKEN)
                                .get("/api/v1/placements")
                                .then()
                                .statusCode(200)
                                .extract()
                                .<Integer>path("instance")
                        == late);
    }

    @Test
    void aGetThatGetsNoAnswerIsSentOnceMoreToAnotherInstance() {
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            mine.add(send("GET", null).header("X-Request-Id"));
        }
        List<String> dropped =
                seen(panel.get(0)).stream().filter(mine::contains).toList();
        assertFalse(dropped.isEmpty(), "some GETs reached the instance that drops them");
        assertTrue(seen(panel.get(1)).containsAll(dropped), "each was answered by the other instance");
    }

    @Test
    void aPostWithoutIdempotencyKeyIsNeverSentTwice() {
        List<String> failed = new ArrayList<>();
        for (int i = 0; i < 8 && failed.size() < 2; i++) {
            Response answer = send("POST", null);
            if (answer.statusCode() == 502) {
                failed.add(answer.header("X-Request-Id"));
            } else {
                assertEquals(200, answer.statusCode());
            }
        }
        assertFalse(failed.isEmpty(), "some POSTs reached the instance that drops them");
        assertTrue(seen(panel.get(0)).containsAll(failed));
        failed.forEach(id -> assertFalse(seen(panel.get(1)).contains(id), "never sent again: " + id));
    }

    @Test
    void aPostWithIdempotencyKeyIsSentOnceMoreWithItsBody() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Response answer = send("POST", UUID.randomUUID().toString());
            assertEquals(200, answer.statusCode(), answer.asString());
            assertEquals("{\"n\":\"body\"}", answer.path("body"));
            ids.add(answer.header("X-Request-Id"));
        }
        List<String> dropped = seen(panel.get(0));
        assertTrue(ids.stream().anyMatch(dropped::contains), "some reached the instance that drops them first");
        assertTrue(seen(panel.get(1)).containsAll(ids), "every one was answered by the other instance");
    }

    /** One request to the panel route, a pause long enough for the dropping instance to be probed back in. */
    private static Response send(String method, String idempotencyKey) {
        var request = given().header("Authorization", TOKEN).header("X-Request-Id", "bt-" + UUID.randomUUID());
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        Response answer = method.equals("GET")
                ? request.get("/api/v1/referrals")
                : request.contentType(ContentType.JSON).body("{\"n\":\"body\"}").post("/api/v1/referrals");
        if (method.equals("GET")) {
            answer.then().statusCode(200);
        }
        sleep(Duration.ofMillis(300));
        return answer;
    }

    private static List<String> seen(URI instance) {
        return given().get(instance + "/__seen")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
