package uk.gov.bristol.alp.tokens;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Bearer tokens this process has verified, each kept until it expires, so a token's signature and claims are checked
 * once by each process (the gateway, each service instance) rather than on every request: the JSON parsing and RSA
 * check were a quarter of the gateway's time and an eighth of a service's on a read. Keyed by the whole token, so
 * only the identical token is taken as verified; bounded by {@code alp.verified-token-cache} (0 verifies every
 * request), and emptied of expired tokens when full. The identity kept carries its principal, roles and credentials
 * only: nothing of the request that first brought the token. A signing key withdrawn from the realm stops new tokens
 * at once; tokens it signed and already verified here are taken until they expire (minutes: the realm's lifespan).
 */
@ApplicationScoped
public class VerifiedTokens {
    private record Verified(SecurityIdentity identity, Instant expires) {}

    private final Map<String, Verified> tokens = new ConcurrentHashMap<>();
    private final AtomicLong hits = new AtomicLong();
    private final int capacity;
    private final Clock clock;

    @Inject
    public VerifiedTokens(
            @ConfigProperty(name = "alp.verified-token-cache", defaultValue = "10000") int capacity,
            MeterRegistry registry) {
        this(capacity, Clock.systemUTC());
        FunctionCounter.builder("alp.verified.tokens.hits", hits, AtomicLong::get)
                .description("Requests whose token was taken as verified from this process's cache")
                .register(registry);
        Gauge.builder("alp.verified.tokens", tokens, Map::size)
                .description("Verified tokens kept until they expire")
                .register(registry);
    }

    VerifiedTokens(int capacity, Clock clock) {
        this.capacity = capacity;
        this.clock = clock;
    }

    /** The identity a token was verified as, while the token has not expired. */
    public Optional<SecurityIdentity> identity(String token) {
        Verified verified = tokens.get(token);
        if (verified == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(verified.expires())) {
            tokens.remove(token, verified);
            return Optional.empty();
        }
        hits.incrementAndGet();
        return Optional.of(verified.identity());
    }

    /** How many requests were served an identity from here. */
    public long hits() {
        return hits.get();
    }

    /** Keeps a verified identity until its token's expiry (an identity without a JWT or an expiry is not kept). */
    void keep(SecurityIdentity identity) {
        if (capacity <= 0
                || identity.isAnonymous()
                || !(identity.getPrincipal() instanceof JsonWebToken jwt)
                || jwt.getExpirationTime() <= 0) {
            return;
        }
        TokenCredential credential = identity.getCredential(TokenCredential.class);
        if (credential == null || credential.getToken() == null || tokens.containsKey(credential.getToken())) {
            return;
        }
        if (tokens.size() >= capacity) {
            Instant now = clock.instant();
            tokens.values().removeIf(v -> !now.isBefore(v.expires()));
            if (tokens.size() >= capacity) {
                tokens.clear();
            }
        }
        tokens.put(
                credential.getToken(),
                new Verified(withoutRequestState(identity), Instant.ofEpochSecond(jwt.getExpirationTime())));
    }

    public int size() {
        return tokens.size();
    }

    private static SecurityIdentity withoutRequestState(SecurityIdentity identity) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addRoles(identity.getRoles())
                .addCredentials(identity.getCredentials())
                .setAnonymous(false)
                .build();
    }
}
