package uk.gov.bristol.alp.testing.stack;

import java.util.Map;

/** Real tokens from the stack's Keycloak: demo users by password grant, partners by client credentials. */
public final class KeycloakTokens {
    private final String tokenUrl;

    public KeycloakTokens(String issuer) {
        this.tokenUrl = issuer + "/protocol/openid-connect/token";
    }

    /** A demo user's access token (password "demo", public client alp-web). */
    public String user(String username) {
        return token(
                Map.of("grant_type", "password", "client_id", "alp-web", "username", username, "password", "demo"));
    }

    /** A partner authority's access token (client credentials). */
    public String partner(String authority) {
        return machine("partner-" + authority);
    }

    /**
     * A machine client's access token (client credentials): a partner authority, a school MIS, a provider system.
     * The demo realm's secrets are the client id followed by {@code -demo-secret}.
     */
    public String machine(String clientId) {
        return token(Map.of(
                "grant_type", "client_credentials", "client_id", clientId, "client_secret", clientId + "-demo-secret"));
    }

    private String token(Map<String, String> form) {
        Http.Answer answer = Http.form(tokenUrl, form);
        if (answer.status() != 200) {
            throw new IllegalStateException("no token from Keycloak (" + answer.status() + "): " + answer.body());
        }
        return answer.text("access_token");
    }
}
