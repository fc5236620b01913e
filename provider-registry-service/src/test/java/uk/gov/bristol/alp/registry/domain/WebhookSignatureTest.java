package uk.gov.bristol.alp.registry.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The signing scheme against the Standard Webhooks example, and the retry timetable. */
class WebhookSignatureTest {

    @Test
    void signsAsTheStandardWebhooksExampleDoes() {
        // The example message of the Standard Webhooks specification, with the signature it gives.
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        assertEquals(
                "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
                WebhookSignature.header(
                        List.of(secret), "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, "{\"test\": 2432232314}"));
    }

    @Test
    void aRotationSignsWithBothSecretsUntilTheOldOneEnds() {
        OffsetDateTime now = OffsetDateTime.parse("2026-12-01T10:00:00Z");
        WebhookSubscription s = new WebhookSubscription();
        s.secret = WebhookSignature.newSecret();
        String old = s.secret;
        s.rotate(WebhookSignature.newSecret(), now.plusHours(24));
        assertNotEquals(old, s.secret);
        assertEquals(List.of(s.secret, old), s.signingSecrets(now.plusHours(23)));
        assertEquals(List.of(s.secret), s.signingSecrets(now.plusHours(24)));
        String header = WebhookSignature.header(s.signingSecrets(now), "id", 1L, "{}");
        assertEquals(2, header.split(" ").length);
        assertTrue(header.startsWith("v1," + WebhookSignature.sign(s.secret, "id", 1L, "{}")));
    }

    @Test
    void triesDoubleTheirWaitUpToTheMostAndStopAfterTheWindow() {
        Duration base = Duration.ofSeconds(30);
        Duration max = Duration.ofHours(1);
        assertEquals(Duration.ofSeconds(30), WebhookDelivery.backoff(1, base, max));
        assertEquals(Duration.ofSeconds(60), WebhookDelivery.backoff(2, base, max));
        assertEquals(Duration.ofMinutes(32), WebhookDelivery.backoff(7, base, max));
        assertEquals(max, WebhookDelivery.backoff(8, base, max));
        assertEquals(max, WebhookDelivery.backoff(500, base, max));

        OffsetDateTime first = OffsetDateTime.parse("2026-12-01T10:00:00Z");
        WebhookDelivery d = new WebhookDelivery();
        d.firstAttemptAt = first;
        d.attempts = 3;
        d.failed(503, "HTTP 503", first.plusHours(23), base, max, Duration.ofHours(24));
        assertEquals(WebhookDelivery.Status.PENDING, d.status);
        assertEquals(first.plusHours(23).plusMinutes(2), d.nextAttemptAt);
        d.failed(null, "ConnectException", first.plusHours(24), base, max, Duration.ofHours(24));
        assertEquals(WebhookDelivery.Status.FAILED, d.status);
        assertEquals(first.plusHours(24), d.finishedAt);
    }
}
