package uk.gov.bristol.alp.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Bearer tokens for {@code @QuarkusTest}s, shaped like Keycloak's (realm_access.roles, audience alp-api,
 * preferred_username, scope claims) and signed with the test key that the test resource makes services
 * trust. The end-to-end suite uses real Keycloak tokens instead.
 */
public final class TestTokens {
    public static final String AUDIENCE = "alp-api";

    private TestTokens() {}

    public static String bearer(String username, List<String> roles, Map<String, Object> claims) {
        JwtClaimsBuilder builder = Jwt.issuer("https://alp-test.invalid/realms/alp")
                .subject("test-" + username)
                .preferredUserName(username)
                .audience(AUDIENCE)
                .claim("realm_access", Map.of("roles", roles))
                .expiresIn(3600);
        claims.forEach(builder::claim);
        return "Bearer " + builder.jws().sign(privateKey());
    }

    public static String sendOfficer() {
        return bearer("send.officer", List.of("send-officer"), Map.of());
    }

    public static String hubOfficer() {
        return bearer("hub.officer", List.of("alp-hub-officer"), Map.of());
    }

    public static String registryOfficer() {
        return bearer("registry.officer", List.of("registry-officer"), Map.of());
    }

    public static String panelChair() {
        return bearer("panel.chair", List.of("panel-chair", "panel-member"), Map.of());
    }

    public static String panelMember() {
        return bearer("panel.member", List.of("panel-member"), Map.of());
    }

    public static String financeOfficer() {
        return bearer("finance.officer", List.of("finance-officer"), Map.of());
    }

    public static String operator() {
        return bearer("operator", List.of("alp-operator"), Map.of());
    }

    public static String auditor() {
        return bearer("auditor", List.of("auditor"), Map.of());
    }

    public static String school(String urn) {
        return bearer("school." + urn, List.of("school-staff"), Map.of("school_urn", urn));
    }

    public static String provider(String providerId) {
        return bearer("provider." + providerId, List.of("provider-staff"), Map.of("provider_id", providerId));
    }

    public static String partner(String authority) {
        return bearer(
                "service-account-partner-" + authority, List.of("partner-authority"), Map.of("authority", authority));
    }

    /** The public key services trust in tests, as quarkus.oidc.public-key wants it. */
    public static String publicKey() {
        return pemBody(InfraFiles.resource("alp-test-keys/public.pem"));
    }

    private static PrivateKey privateKey() {
        try {
            byte[] der = Base64.getDecoder().decode(pemBody(InfraFiles.resource("alp-test-keys/private.pem")));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("test key unreadable", e);
        }
    }

    private static String pemBody(String pem) {
        return pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    }
}
