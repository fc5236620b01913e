package uk.gov.bristol.alp.registry.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How partner push requests are signed (docs/domain-rules.md, "Partner push"), in the Standard Webhooks scheme that
 * receivers' libraries already check: HMAC-SHA256 under the secret's 32 bytes over {@code id.timestamp.body}, base64,
 * sent as {@code webhook-signature: v1,<signature>}, one per secret in force, separated by spaces.
 */
public final class WebhookSignature {
    private static final String SECRET_PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {}

    /** A new secret: {@code whsec_} and 32 random bytes in base64. */
    public static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The {@code webhook-signature} header's value for a request signed with each of {@code secrets}. */
    public static String header(List<String> secrets, String id, long timestamp, String body) {
        return secrets.stream().map(s -> "v1," + sign(s, id, timestamp, body)).collect(Collectors.joining(" "));
    }

    /** One signature: base64 of HMAC-SHA256 under the secret's key over {@code id.timestamp.body}. */
    public static String sign(String secret, String id, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
            byte[] signed = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static byte[] key(String secret) {
        if (!secret.startsWith(SECRET_PREFIX)) {
            throw new IllegalArgumentException("not a webhook secret");
        }
        return Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
    }
}
