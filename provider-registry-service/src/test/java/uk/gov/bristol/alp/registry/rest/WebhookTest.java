package uk.gov.bristol.alp.registry.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.bristol.alp.registry.rest.ChangeFeedTest.touch;
import static uk.gov.bristol.alp.registry.rest.ProviderResourceTest.newUkprn;
import static uk.gov.bristol.alp.registry.rest.ProviderResourceTest.register;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import uk.gov.bristol.alp.registry.domain.WebhookDelivery;
import uk.gov.bristol.alp.registry.support.WebhookReceiver;
import uk.gov.bristol.alp.registry.support.WebhookReceiver.Received;
import uk.gov.bristol.alp.testing.AlpServiceTestResource;
import uk.gov.bristol.alp.testing.Ports;
import uk.gov.bristol.alp.testing.TestTokens;

/**
 * Partner push against a real HTTP receiver on 127.0.0.1: signatures a receiver can check on its own, retries after
 * failures, one provider's changes in order while another's are not held up, giving up after the retry window,
 * secret rotation without a gap, replay from a cursor, and who may do what.
 */
@QuarkusTest
@QuarkusTestResource(
        value = AlpServiceTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "alp_registry"))
class WebhookTest {
    private static final String PARTNER = TestTokens.partner("south-gloucestershire");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private record Subscription(String id, String secret) {}

    private static Subscription subscribe(String url) {
        JsonPath made = given().header("Authorization", PARTNER)
                .contentType(ContentType.JSON)
                .body(Map.of("callbackUrl", url, "description", "South Gloucestershire's directory"))
                .post("/api/v1/webhook-subscriptions")
                .then()
                .statusCode(201)
                .body("authority", equalTo("south-gloucestershire"))
                .body("status", equalTo("ACTIVE"))
                .body("secret", startsWith("whsec_"))
                .extract()
                .jsonPath();
        return new Subscription(made.getString("id"), made.getString("secret"));
    }

    private static void unsubscribe(Subscription s) {
        given().header("Authorization", PARTNER)
                .delete("/api/v1/webhook-subscriptions/" + s.id())
                .then()
                .statusCode(204);
    }

    private static List<Map<String, Object>> log(Subscription s, String providerId) {
        return given().header("Authorization", PARTNER)
                .queryParam("providerId", providerId)
                .get("/api/v1/webhook-subscriptions/" + s.id() + "/deliveries")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
    }

    /** The receiver's own check, written from the scheme's description rather than with the service's code. */
    private static boolean signedBy(String secret, Received r, String signature) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            byte[] expected =
                    mac.doFinal((r.id() + "." + r.timestamp() + "." + r.body()).getBytes(StandardCharsets.UTF_8));
            return ("v1," + Base64.getEncoder().encodeToString(expected)).equals(signature);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertSignedBy(String secret, Received r) {
        List<String> signatures = List.of(r.signature().split(" "));
        assertTrue(signatures.stream().anyMatch(s -> signedBy(secret, r, s)), "signed with the secret: " + r);
        long age = Instant.now().getEpochSecond() - Long.parseLong(r.timestamp());
        assertTrue(age >= -5 && age < 300, "a timestamp a receiver accepts (within 5 minutes): " + age);
    }

    @Test
    void changesArriveSignedInOrderPerProviderRetriedAfterFailuresWithoutHoldingUpOthers() {
        String a = register(newUkprn());
        String b = register(newUkprn());
        try (WebhookReceiver hook = WebhookReceiver.start()) {
            Subscription s = subscribe(hook.url());
            try {
                hook.fail(a, 2);
                touch(a, "first");
                Ports.await("a's first try", WAIT, () -> !hook.about(Set.of(a)).isEmpty());
                touch(a, "second");
                touch(b, "b changed");
                Ports.await(
                        "both providers' changes taken",
                        WAIT,
                        () -> hook.about(Set.of(a)).stream()
                                        .anyMatch(r ->
                                                r.taken() && r.statusReason().equals("second"))
                                && hook.about(Set.of(b)).stream().anyMatch(Received::taken));

                List<Received> ofA = hook.about(Set.of(a));
                assertEquals(
                        List.of("first 503", "first 503", "first 200", "second 200"),
                        ofA.stream()
                                .map(r -> r.statusReason() + " " + r.answered())
                                .toList(),
                        "a's changes in the order made, the first retried until taken, the second only after it");
                assertEquals(
                        1,
                        ofA.subList(0, 3).stream().map(Received::id).distinct().count(),
                        "one webhook-id per delivery");
                assertNotEquals(ofA.get(0).id(), ofA.get(3).id());
                List<Received> both = hook.about(Set.of(a, b));
                assertTrue(
                        both.indexOf(hook.about(Set.of(b)).get(0)) < both.indexOf(ofA.get(2)),
                        "b's change went while a's waited for its retry");
                both.forEach(r -> assertSignedBy(s.secret(), r));
                assertEquals("provider.changed", ofA.get(0).json().path("type").asText());

                List<Map<String, Object>> logOfA = log(s, a);
                assertEquals(2, logOfA.size());
                assertEquals("DELIVERED", logOfA.get(1).get("status"));
                assertEquals(3, logOfA.get(1).get("attempts"));
                assertEquals(200, logOfA.get(1).get("lastStatusCode"));
                assertEquals(1, logOfA.get(0).get("attempts"));
                given().header("Authorization", PARTNER)
                        .get("/api/v1/webhook-subscriptions/" + s.id() + "/deliveries/"
                                + logOfA.get(0).get("id"))
                        .then()
                        .statusCode(200)
                        .body("body", equalTo(ofA.get(3).body()));
            } finally {
                unsubscribe(s);
            }
        }
    }

    @Test
    void aDeliveryRefusedPastTheRetryWindowIsGivenUpAndTheProvidersNextChangeStillGoes() {
        String c = register(newUkprn());
        try (WebhookReceiver hook = WebhookReceiver.start()) {
            Subscription s = subscribe(hook.url());
            try {
                hook.fail(c, Integer.MAX_VALUE);
                touch(c, "refused");
                Ports.await("the first try", WAIT, () -> !hook.about(Set.of(c)).isEmpty());
                // The window is 24 hours: the first try is moved back a day rather than waiting one.
                QuarkusTransaction.requiringNew()
                        .run(() -> WebhookDelivery.update(
                                "firstAttemptAt = firstAttemptAt - 25 hour where providerId = ?1", UUID.fromString(c)));
                Ports.await(
                        "the delivery given up",
                        WAIT,
                        () -> log(s, c).stream().anyMatch(d -> "FAILED".equals(d.get("status"))));
                Map<String, Object> failed = log(s, c).get(0);
                assertEquals(503, failed.get("lastStatusCode"));
                assertEquals("HTTP 503", failed.get("lastError"));

                hook.stopFailing(c);
                touch(c, "taken");
                Ports.await(
                        "the next change taken",
                        WAIT,
                        () -> hook.about(Set.of(c)).stream().anyMatch(Received::taken));
                assertTrue(hook.about(Set.of(c)).stream()
                        .filter(Received::taken)
                        .allMatch(r -> r.statusReason().equals("taken")));
            } finally {
                unsubscribe(s);
            }
        }
    }

    @Test
    void aRotatedSecretSignsBesideTheOldOneAndAReplayFromACursorSendsLaterChangesAgain() {
        String d = register(newUkprn());
        try (WebhookReceiver hook = WebhookReceiver.start()) {
            Subscription s = subscribe(hook.url());
            try {
                touch(d, "one");
                Ports.await("one", WAIT, () -> hook.about(Set.of(d)).size() == 1);
                Received one = hook.about(Set.of(d)).get(0);
                assertEquals(1, one.signature().split(" ").length);

                String rotated = given().header("Authorization", PARTNER)
                        .post("/api/v1/webhook-subscriptions/" + s.id() + "/secret")
                        .then()
                        .statusCode(200)
                        .body("previousSecretValidUntil", not(nullValue()))
                        .extract()
                        .path("secret");
                assertNotEquals(s.secret(), rotated);
                touch(d, "two");
                Ports.await("two", WAIT, () -> hook.about(Set.of(d)).size() == 2);
                Received two = hook.about(Set.of(d)).get(1);
                String[] signatures = two.signature().split(" ");
                assertEquals(2, signatures.length, "signed with the new secret and the old one");
                assertTrue(signedBy(rotated, two, signatures[0]));
                assertTrue(signedBy(s.secret(), two, signatures[1]));

                given().header("Authorization", PARTNER)
                        .contentType(ContentType.JSON)
                        .body(Map.of(
                                "after", one.json().path("data").path("cursor").asText()))
                        .post("/api/v1/webhook-subscriptions/" + s.id() + "/replay")
                        .then()
                        .statusCode(200);
                Ports.await("the replay", WAIT, () -> hook.about(Set.of(d)).size() == 3);
                Received again = hook.about(Set.of(d)).get(2);
                assertEquals("two", again.statusReason(), "replayed at its state now");
                assertNotEquals(two.id(), again.id());
                assertSignedBy(rotated, again);
            } finally {
                unsubscribe(s);
            }
        }
    }

    @Test
    void eachAuthorityReachesOnlyItsOwnSubscriptionsAndCallbacksMustBeHttps() {
        String path = "/api/v1/webhook-subscriptions";
        given().header("Authorization", PARTNER)
                .contentType(ContentType.JSON)
                .body(Map.of("callbackUrl", "http://partner.example.org/hook"))
                .post(path)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("callbackUrl"))
                .body("errors[0].rule", equalTo("https"));
        given().header("Authorization", PARTNER)
                .contentType(ContentType.JSON)
                .body(Map.of("callbackUrl", "https://user:pass@partner.example.org/hook"))
                .post(path)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("callbackUrl"));
        given().header("Authorization", TestTokens.school("100001"))
                .contentType(ContentType.JSON)
                .body(Map.of("callbackUrl", "https://school.example.org/hook"))
                .post(path)
                .then()
                .statusCode(403);

        Subscription s = subscribe("https://partner.example.org/hook");
        given().header("Authorization", PARTNER)
                .get(path + "/" + s.id())
                .then()
                .statusCode(200)
                .body("secret", nullValue());
        given().header("Authorization", TestTokens.partner("north-somerset"))
                .get(path + "/" + s.id())
                .then()
                .statusCode(404);
        given().header("Authorization", TestTokens.partner("north-somerset"))
                .post(path + "/" + s.id() + "/secret")
                .then()
                .statusCode(404);
        given().header("Authorization", TestTokens.partner("north-somerset"))
                .get(path)
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(s.id())));
        given().header("Authorization", TestTokens.auditor())
                .get(path)
                .then()
                .statusCode(200)
                .body("items.id", hasItem(s.id()));
        given().header("Authorization", TestTokens.auditor())
                .delete(path + "/" + s.id())
                .then()
                .statusCode(403);
        given().header("Authorization", PARTNER)
                .contentType(ContentType.JSON)
                .body(Map.of("after", "not-a-cursor"))
                .post(path + "/" + s.id() + "/replay")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("after"));
        given().header("Authorization", PARTNER)
                .contentType(ContentType.JSON)
                .body(Map.of("callbackUrl", "https://partner.example.org/v2/hook", "status", "PAUSED"))
                .put(path + "/" + s.id())
                .then()
                .statusCode(200)
                .body("status", equalTo("PAUSED"))
                .body("callbackUrl", equalTo("https://partner.example.org/v2/hook"));
        unsubscribe(s);
        given().header("Authorization", PARTNER).get(path + "/" + s.id()).then().statusCode(404);
    }
}
