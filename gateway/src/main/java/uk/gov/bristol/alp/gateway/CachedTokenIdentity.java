package uk.gov.bristol.alp.gateway;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The token cache in the authentication chain: asked before the OIDC provider (a higher priority), it answers with
 * the identity of a token already verified and not expired, or with nothing, so the OIDC provider verifies it; once
 * verified, the augmentor below keeps it.
 */
@ApplicationScoped
public class CachedTokenIdentity implements IdentityProvider<TokenAuthenticationRequest> {
    private final VerifiedTokens verified;

    public CachedTokenIdentity(VerifiedTokens verified) {
        this.verified = verified;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        return 1000;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        return Uni.createFrom()
                .item(verified.identity(request.getToken().getToken()).orElse(null));
    }

    /** Keeps each identity the OIDC provider verified (and refreshes nothing for one that came from the cache). */
    @ApplicationScoped
    public static class Keep implements SecurityIdentityAugmentor {
        private final VerifiedTokens verified;

        public Keep(VerifiedTokens verified) {
            this.verified = verified;
        }

        @Override
        public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
            verified.keep(identity);
            return Uni.createFrom().item(identity);
        }
    }
}
