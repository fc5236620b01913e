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
        return token(Map.of(
                "grant_type",
                "client_credentials",
                "client_id",
                "partner-" + authority,
                "client_secret",
                "partner-" + authority + "-demo-secret"));
    }

    private String token(Map<String, String> form) {
        Http.Answer answer = Http.form(tokenUrl, form);
        if (answer.status() != 200) {
            throw new IllegalStateException("no token from Keycloak (" + answer.status() + "): " + answer.body());
        }
        return answer.text("access_token");
    }
}
