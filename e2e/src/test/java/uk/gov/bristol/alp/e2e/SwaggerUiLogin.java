package uk.gov.bristol.alp.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import uk.gov.bristol.alp.testing.stack.Http;

/**
 * What the gateway's Swagger UI does when someone presses "Authorize", done by hand against the real Keycloak:
 * the UI is set up for the public client alp-web with PKCE, the documents name the realm's endpoints, and the
 * authorisation code flow with PKCE (S256) to the UI's redirect gives a token the API accepts. Without a code
 * challenge Keycloak refuses to start the flow.
 */
final class SwaggerUiLogin {
    /** The Swagger UI's redirect on the gateway's standard address, as the demo realm's alp-web client allows. */
    private static final String REDIRECT = "http://127.0.0.1:8080/q/swagger-ui/oauth2-redirect.html";

    private static final Pattern FORM_ACTION =
            Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    private SwaggerUiLogin() {}

    static void check(String gatewayUrl, String issuer) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        Map<String, String> cookies = new LinkedHashMap<>();

        String ui = get(http, gatewayUrl + "/q/swagger-ui/index.html").body();
        assertTrue(ui.contains("alp-web"), "the Swagger UI logs in as the public client alp-web");
        assertTrue(ui.matches("(?s).*usePkceWithAuthorizationCodeGrant\"?\\s*:\\s*true.*"), "with PKCE");

        JsonNode scheme = Http.JSON
                .readTree(get(http, gatewayUrl + "/openapi/registry").body())
                .at("/components/securitySchemes/keycloak/flows/authorizationCode");
        assertEquals(
                issuer + "/protocol/openid-connect/auth",
                scheme.path("authorizationUrl").asText());
        assertEquals(
                issuer + "/protocol/openid-connect/token",
                scheme.path("tokenUrl").asText());

        String verifier = random();
        String challenge = base64Url(sha256(verifier));
        Map<String, String> start = new LinkedHashMap<>(Map.of(
                "client_id", "alp-web",
                "response_type", "code",
                "scope", "openid",
                "redirect_uri", REDIRECT,
                "state", "swagger-state"));
        HttpResponse<String> refused = browser(
                http,
                cookies,
                HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/auth?" + form(start)))
                        .GET());
        assertTrue(
                refused.statusCode() == 400 || location(refused).contains("error=invalid_request"),
                "no code challenge, no login: " + refused.statusCode() + " " + location(refused));

        start.put("code_challenge", challenge);
        start.put("code_challenge_method", "S256");
        HttpResponse<String> loginPage = browser(
                http,
                cookies,
                HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/auth?" + form(start)))
                        .GET());
        assertEquals(200, loginPage.statusCode());
        Matcher action = FORM_ACTION.matcher(loginPage.body());
        assertTrue(action.find(), "Keycloak's login form");
        HttpResponse<String> loggedIn = browser(
                http,
                cookies,
                HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                form(Map.of("username", "hub.officer", "password", "demo")))));
        assertEquals(302, loggedIn.statusCode(), loggedIn.body());
        String back = location(loggedIn);
        assertTrue(back.startsWith(REDIRECT + "?"), back);
        Map<String, String> answer = query(URI.create(back).getRawQuery());
        assertEquals("swagger-state", answer.get("state"));

        Http.Answer wrongVerifier = exchange(issuer, answer.get("code"), random());
        assertEquals(400, wrongVerifier.status(), "a code is only good with its own verifier");

        HttpResponse<String> retry = browser(
                http,
                cookies,
                HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/auth?" + form(start)))
                        .GET());
        Map<String, String> again = query(URI.create(location(retry)).getRawQuery());
        Http.Answer token = exchange(issuer, again.get("code"), verifier);
        assertEquals(200, token.status(), String.valueOf(token.body()));
        assertEquals(
                200,
                Http.get(gatewayUrl + "/api/v1/providers", token.text("access_token"))
                        .status());
    }

    /** The Swagger UI's second step: the code and the verifier for a token, as the public client alp-web. */
    private static Http.Answer exchange(String issuer, String code, String verifier) {
        return Http.form(
                issuer + "/protocol/openid-connect/token",
                Map.of(
                        "grant_type", "authorization_code",
                        "client_id", "alp-web",
                        "code", code,
                        "redirect_uri", REDIRECT,
                        "code_verifier", verifier));
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A request as a browser sends it: with the cookies Keycloak set (kept by hand: Keycloak marks its login cookies
     * Secure, which the JDK's cookie manager never sends over plain HTTP on loopback).
     */
    private static HttpResponse<String> browser(
            HttpClient http, Map<String, String> cookies, HttpRequest.Builder request)
            throws IOException, InterruptedException {
        if (!cookies.isEmpty()) {
            request.header(
                    "Cookie",
                    cookies.entrySet().stream()
                            .map(c -> c.getKey() + "=" + c.getValue())
                            .collect(Collectors.joining("; ")));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (String set : response.headers().allValues("Set-Cookie")) {
            String pair = set.split(";", 2)[0];
            int eq = pair.indexOf('=');
            cookies.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
        }
        return response;
    }

    private static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            fields.put(
                    URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }

    private static String random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return base64Url(bytes);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
