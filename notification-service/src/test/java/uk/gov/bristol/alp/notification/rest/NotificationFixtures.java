package uk.gov.bristol.alp.notification.rest;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import uk.gov.bristol.alp.testing.Ports;
import uk.gov.bristol.alp.testing.TestEvents;
import uk.gov.bristol.alp.testing.TestTokens;

/** Events as the other services publish them, recipients registered through the API, and the delivery log read. */
final class NotificationFixtures {
    static final String HUB_INBOX = "alp-hub-duty@bristol.test";

    private NotificationFixtures() {}

    static String newSchoolUrn() {
        return String.valueOf(ThreadLocalRandom.current().nextInt(200_000, 999_999));
    }

    static void register(String token, String audience, String key, String email, String preference) {
        putRecipient(
                        token,
                        key == null
                                ? Map.of("audience", audience, "email", email, "preference", preference)
                                : Map.of("audience", audience, "key", key, "email", email, "preference", preference))
                .statusCode(200);
    }

    /** PUT a recipient as the caller with this token; the answer, to check. */
    static ValidatableResponse putRecipient(String token, Map<String, ?> body) {
        return given().header("Authorization", token)
                .contentType(ContentType.JSON)
                .body(body)
                .put("/api/v1/notification-recipients")
                .then();
    }

    static void registerHubInbox() {
        register(TestTokens.hubOfficer(), "HUB_DUTY", null, HUB_INBOX, "IMMEDIATE");
    }

    /** A placement-needs-attention event; returns the envelope (publish it as often as wanted). */
    static String attention(UUID eventId, UUID placement, String schoolUrn, UUID provider, String kind) {
        return TestEvents.envelope(
                eventId,
                "uk.gov.bristol.alp.placement.attention-needed.v1",
                placement.toString(),
                OffsetDateTime.now(),
                Map.of(
                        "placementId",
                        placement.toString(),
                        "schoolUrn",
                        schoolUrn,
                        "providerId",
                        provider.toString(),
                        "kind",
                        kind,
                        "occurrence",
                        kind + "/" + LocalDate.now(),
                        "since",
                        LocalDate.now().toString(),
                        "detail",
                        "Said a man called Tom Smith hit him"));
    }

    static void publishPlacementEvent(UUID placement, String envelope) {
        TestEvents.publish("alp.placements.v1", placement.toString(), envelope);
    }

    static JsonPath log(String token, String query) {
        return given().header("Authorization", token)
                .get("/api/v1/notifications?size=200&" + query)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** Waits until the Hub's log shows {@code count} notifications about this reference; returns them. */
    static List<Map<String, Object>> awaitLogged(String reference, int count) {
        Ports.await(
                count + " notification(s) about " + reference,
                Duration.ofSeconds(30),
                () -> log(TestTokens.hubOfficer(), "reference=" + reference)
                                .getList("items")
                                .size()
                        >= count);
        return log(TestTokens.hubOfficer(), "reference=" + reference).getList("items");
    }

    /** Waits until the notification about this reference to this audience is in the given state. */
    static Map<String, Object> awaitStatus(String reference, String audience, String status) {
        return awaitItem(reference, audience, n -> status.equals(n.get("status")));
    }

    /** Waits until the (newest) notification about this reference to this audience passes the test; returns it. */
    static Map<String, Object> awaitItem(String reference, String audience, Predicate<Map<String, Object>> test) {
        List<Map<String, Object>> seen = new ArrayList<>();
        Ports.await("notification about " + reference + " to " + audience, Duration.ofSeconds(30), () -> {
            List<Map<String, Object>> items = log(
                            TestTokens.hubOfficer(), "reference=" + reference + "&audience=" + audience)
                    .getList("items");
            if (!items.isEmpty() && test.test(items.get(0))) {
                seen.add(items.get(0));
                return true;
            }
            return false;
        });
        return seen.get(0);
    }
}
