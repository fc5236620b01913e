package uk.gov.bristol.alp.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

/** A verified token is taken as verified until it expires, and only that exact token. */
class VerifiedTokensTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private static QuarkusSecurityIdentity identity(String token, Instant expires) {
        JwtClaims claims = new JwtClaims();
        claims.setSubject("hub.officer");
        claims.setExpirationTime(org.jose4j.jwt.NumericDate.fromSeconds(expires.getEpochSecond()));
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new DefaultJWTCallerPrincipal(token, "JWT", claims))
                .addRoles(Set.of("alp-hub-officer"))
                .addCredential(new TokenCredential(token, "bearer"))
                .addAttribute("io.vertx.ext.web.RoutingContext", new Object())
                .build();
    }

    @Test
    void aTokenIsTakenAsVerifiedUntilItExpiresAndNoOtherIs() {
        MovableClock clock = new MovableClock();
        VerifiedTokens tokens = new VerifiedTokens(10, clock);
        tokens.keep(identity("token-a", NOW.plusSeconds(300)));

        var kept = tokens.identity("token-a").orElseThrow();
        assertEquals(Set.of("alp-hub-officer"), kept.getRoles());
        assertTrue(kept.getAttributes().isEmpty(), "nothing of the first request is kept");
        assertTrue(tokens.identity("token-a ").isEmpty());
        assertTrue(tokens.identity("token-b").isEmpty());

        clock.now = NOW.plusSeconds(300);
        assertTrue(tokens.identity("token-a").isEmpty(), "expired: verified again (and refused) by OIDC");
        assertEquals(0, tokens.size());
    }

    @Test
    void whenFullExpiredTokensGoFirstThenEverything() {
        MovableClock clock = new MovableClock();
        VerifiedTokens tokens = new VerifiedTokens(2, clock);
        tokens.keep(identity("short", NOW.plusSeconds(10)));
        tokens.keep(identity("long", NOW.plusSeconds(600)));
        clock.now = NOW.plusSeconds(20);
        tokens.keep(identity("new", NOW.plusSeconds(600)));
        assertTrue(tokens.identity("long").isPresent());
        assertTrue(tokens.identity("new").isPresent());
        tokens.keep(identity("newer", NOW.plusSeconds(600)));
        assertEquals(1, tokens.size());
        assertTrue(tokens.identity("newer").isPresent());

        VerifiedTokens none = new VerifiedTokens(0, clock);
        none.keep(identity("any", NOW.plusSeconds(600)));
        assertEquals(0, none.size());
    }

    private static final class MovableClock extends Clock {
        Instant now = NOW;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
