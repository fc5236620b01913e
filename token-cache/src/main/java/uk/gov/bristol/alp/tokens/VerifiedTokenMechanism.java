package uk.gov.bristol.alp.tokens;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * The token cache in the authentication chain: tried before the OIDC mechanism (a higher priority), it answers with
 * the identity of a bearer token already verified and not expired, or with nothing, so OIDC verifies the token as
 * usual; each identity OIDC verifies is then kept ({@link Keep}). A mechanism rather than an identity provider, so
 * the OIDC mechanism's own path to its provider is never relied on.
 */
@ApplicationScoped
public class VerifiedTokenMechanism implements HttpAuthenticationMechanism {
    private static final String BEARER = "bearer ";

    private final VerifiedTokens verified;

    public VerifiedTokenMechanism(VerifiedTokens verified) {
        this.verified = verified;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String header = context.request().getHeader("Authorization");
        if (header == null
                || header.length() <= BEARER.length()
                || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Uni.createFrom().nullItem();
        }
        return Uni.createFrom()
                .item(verified.identity(header.substring(BEARER.length()).strip())
                        .orElse(null));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }

    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 100;
    }

    /** Keeps each identity OIDC verified. */
    @ApplicationScoped
    public static class Keep implements SecurityIdentityAugmentor {
        private final VerifiedTokens verified;

        public Keep(VerifiedTokens verified) {
            this.verified = verified;
        }

        /** Last of the augmentors, so the identity kept is the one every other augmentor has finished. */
        @Override
        public int priority() {
            return Integer.MIN_VALUE;
        }

        @Override
        public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
            verified.keep(identity);
            return Uni.createFrom().item(identity);
        }
    }
}
