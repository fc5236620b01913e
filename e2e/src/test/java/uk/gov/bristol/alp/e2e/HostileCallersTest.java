package uk.gov.bristol.alp.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.gov.bristol.alp.testing.Ports;
import uk.gov.bristol.alp.testing.stack.DemoData;
import uk.gov.bristol.alp.testing.stack.Http;
import uk.gov.bristol.alp.testing.stack.KeycloakTokens;
import uk.gov.bristol.alp.testing.stack.Stack;

/**
 * Hostile and careless callers, against the whole system with a real Keycloak: who sees which records of school
 * A and provider A (docs/access-matrix.md), forged and misdirected tokens, path tricks and oversized headers.
 * Each check runs through the gateway and directly at the services.
 */
class HostileCallersTest {
    private static final List<String> USERS = List.of(
            "hub.officer",
            "registry.officer",
            "panel.chair",
            "panel.member",
            "send.officer",
            "finance.officer",
            "auditor",
            "school.a",
            "school.b",
            "provider.a");
    private static final List<String> PARTNERS = List.of("south-gloucestershire", "north-somerset");
    private static final String ANONYMOUS = "anonymous";

    private static Stack stack;
    private static KeycloakTokens tokens;
    private static final Map<String, String> bearer = new LinkedHashMap<>();
    private static DemoData.Loaded demo;
    private static String placement;
    private static String concern;

    @BeforeAll
    static void startTheSystem() {
        Path repo =
                Path.of(System.getProperty("alp.repo", "..")).toAbsolutePath().normalize();
        Path cache = Path.of(System.getProperty("user.home"), ".cache", "alp-platform", "keycloak-e2e");
        stack = new Stack(repo, repo.resolve("e2e/target/stack-hostile"), cache, Stack.PortPlan.free()).start();
        tokens = stack.tokens();
        demo = DemoData.load(stack);
        USERS.forEach(u -> bearer.put(u, tokens.user(u)));
        PARTNERS.forEach(p -> bearer.put("partner." + p, tokens.partner(p)));
        bearer.put(ANONYMOUS, null);
        placement = commissionAtProviderA();
        concern = given().header("Authorization", "Bearer " + bearer.get("school.a"))
                .contentType(ContentType.JSON)
                .body(Map.of("severity", "MEDIUM", "summary", "Raised for the access matrix"))
                .post(stack.gatewayUrl() + "/api/v1/placements/" + placement + "/safeguarding-concerns")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @AfterAll
    static void stopTheSystem() {
        if (stack != null) {
            stack.close();
        }
    }

    /** One row of the matrix: a read, where it lives, and which callers may see the record it names. */
    private record Read(String label, String service, String path, Set<String> see, Predicate<String> shows) {}

    @Test
    void everyRoleSeesExactlyWhatTheAccessMatrixSays() {
        String pupil = demo.pupilId();
        String provider = demo.approvedProviderId();
        Set<String> pupilReaders = Set.of("hub.officer", "panel.chair", "send.officer", "auditor", "school.a");
        Set<String> placementReaders =
                Set.of("hub.officer", "panel.chair", "send.officer", "auditor", "school.a", "provider.a");
        Set<String> fullProviderRecord = Set.of(
                "hub.officer",
                "registry.officer",
                "send.officer",
                "finance.officer",
                "auditor",
                "provider.a",
                "partner.south-gloucestershire",
                "partner.north-somerset");
        Set<String> everyoneWithAToken = new HashSet<>(bearer.keySet());
        everyoneWithAToken.remove(ANONYMOUS);
        Predicate<String> namesPupil = body -> body.contains("\"" + pupil + "\"");
        Predicate<String> namesPlacement = body -> body.contains("\"" + placement + "\"");
        List<Read> reads = List.of(
                new Read("pupil", "placement", "/api/v1/pupils/" + pupil, pupilReaders, namesPupil),
                new Read(
                        "pupil's placements",
                        "placement",
                        "/api/v1/pupils/" + pupil + "/placements",
                        pupilReaders,
                        namesPlacement),
                new Read("pupil's week", "placement", "/api/v1/pupils/" + pupil + "/week", pupilReaders, b -> true),
                new Read("placement", "placement", "/api/v1/placements/" + placement, placementReaders, namesPlacement),
                new Read(
                        "placement steps",
                        "placement",
                        "/api/v1/placements/" + placement + "/steps",
                        placementReaders,
                        b -> true),
                new Read(
                        "contact log",
                        "placement",
                        "/api/v1/placements/" + placement + "/contacts",
                        placementReaders,
                        b -> true),
                new Read(
                        "reviews",
                        "placement",
                        "/api/v1/placements/" + placement + "/reviews",
                        placementReaders,
                        b -> true),
                new Read(
                        "attendance",
                        "placement",
                        "/api/v1/placements/" + placement + "/attendance",
                        placementReaders,
                        b -> true),
                new Read(
                        "placements list",
                        "placement",
                        "/api/v1/placements?size=200",
                        placementReaders,
                        namesPlacement),
                new Read(
                        "school A census",
                        "placement",
                        "/api/v1/census/schools/100001/ap-placements?censusDate=" + LocalDate.now(),
                        Set.of("hub.officer", "auditor", "school.a"),
                        b -> true),
                new Read(
                        "provider A, public view",
                        "registry",
                        "/api/v1/providers/" + provider,
                        everyoneWithAToken,
                        body -> body.contains("Avon Valley Learning Centre")),
                new Read(
                        "provider A, full record",
                        "registry",
                        "/api/v1/providers/" + provider,
                        fullProviderRecord,
                        body -> body.contains("\"checks\"") && body.contains("\"rates\":[{")),
                new Read(
                        "safeguarding concern",
                        "placement",
                        "/api/v1/safeguarding-concerns/" + concern,
                        placementReaders,
                        body -> body.contains("\"" + concern + "\"")),
                new Read(
                        "safeguarding concerns list",
                        "placement",
                        "/api/v1/safeguarding-concerns?placementId=" + placement,
                        placementReaders,
                        body -> body.contains("\"" + concern + "\"")),
                new Read("pupil's carers", "placement", "/api/v1/pupils/" + pupil + "/carers", pupilReaders, b -> true),
                new Read(
                        "placement's checks",
                        "placement",
                        "/api/v1/placements/" + placement + "/checks",
                        placementReaders,
                        namesPlacement),
                new Read(
                        "commitments",
                        "finance",
                        "/api/v1/finance/commitments?placementId=" + placement,
                        Set.of("finance.officer", "hub.officer", "auditor"),
                        b -> true));

        List<String> wrong = new ArrayList<>();
        StringBuilder matrix = new StringBuilder(String.format("%-24s", "read \\ caller"));
        bearer.keySet().forEach(c -> matrix.append(String.format(" %-8.8s", c)));
        matrix.append('\n');
        for (Read read : reads) {
            for (String via : List.of("gateway", read.service())) {
                String base = via.equals("gateway") ? stack.gatewayUrl() : stack.serviceUrl(read.service());
                matrix.append(String.format("%-24.24s", read.label() + (via.equals("gateway") ? "" : " (direct)")));
                for (var caller : bearer.entrySet()) {
                    var request = given().accept(ContentType.JSON);
                    if (caller.getValue() != null) {
                        request.header("Authorization", "Bearer " + caller.getValue());
                    }
                    Response answer = request.get(base + read.path());
                    int status = answer.statusCode();
                    boolean sees = status == 200 && read.shows().test(answer.asString());
                    boolean refused = Set.of(401, 403, 404).contains(status);
                    boolean listWithoutIt = status == 200 && !sees;
                    matrix.append(String.format(" %-8s", status + (sees ? "+" : "")));
                    boolean expected = read.see().contains(caller.getKey())
                            ? sees
                            : (caller.getKey().equals(ANONYMOUS) ? status == 401 : refused || listWithoutIt);
                    if (!expected) {
                        wrong.add(read.label() + " via " + via + " as " + caller.getKey() + ": " + status);
                    }
                }
                matrix.append('\n');
            }
        }
        System.out.println("Exposure matrix (status; + = the record or the private fields are shown):\n" + matrix);
        assertEquals(List.of(), wrong);
    }

    @Test
    void forgedExpiredAndMisdirectedTokensGet401Everywhere() throws Exception {
        String real = bearer.get("hub.officer");
        String[] parts = real.split("\\.");
        String header = decode(parts[0]);
        String payload = decode(parts[1]);
        String realKid = Http.JSON.readTree(header).path("kid").asText();
        String realmPublicKey = Http.get(stack.keycloak().issuer(), null)
                .body()
                .path("public_key")
                .asText();

        Map<String, String> forged = new LinkedHashMap<>();
        forged.put("alg:none", encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".");
        forged.put(
                "HS256 signed with the realm's public key",
                hmac(
                        encode("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + realKid + "\"}") + "." + parts[1],
                        realmPublicKey.getBytes(StandardCharsets.US_ASCII)));
        PrivateKey stranger =
                KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate();
        forged.put(
                "unknown kid",
                rs256(
                        encode("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"e2e-unknown-kid\"}") + "." + parts[1],
                        stranger));
        forged.put(
                "other issuer",
                rs256(
                        encode("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + realKid + "\"}") + "."
                                + encode(payload.replace(stack.keycloak().issuer(), "https://idp.invalid/realms/alp")),
                        stranger));
        forged.put(
                "roles raised, signature kept",
                parts[0] + "." + encode(payload.replace("alp-hub-officer", "finance-officer")) + "." + parts[2]);
        forged.put("other realm (master)", stack.keycloak().adminToken());
        forged.put("wrong audience", tokenFromNewClient("e2e-no-audience", false, null));
        String shortLived = tokenFromNewClient("e2e-short-lived", true, "1");
        Thread.sleep(5_000);
        forged.put("expired", shortLived);

        Map<String, String> targets = new LinkedHashMap<>();
        targets.put("gateway", stack.gatewayUrl() + "/api/v1/providers");
        targets.put("registry", stack.serviceUrl("registry") + "/api/v1/providers");
        targets.put("panel", stack.serviceUrl("panel") + "/api/v1/referrals");
        targets.put("placement", stack.serviceUrl("placement") + "/api/v1/placements");
        targets.put("finance", stack.serviceUrl("finance") + "/api/v1/finance/cost-codes");
        targets.put("notification", stack.serviceUrl("notification") + "/api/v1/notifications");

        List<String> wrong = new ArrayList<>();
        for (var target : targets.entrySet()) {
            assertEquals(200, Http.get(target.getValue(), real).status(), "the real token works at " + target.getKey());
            for (var token : forged.entrySet()) {
                Response answer = given().header("Authorization", "Bearer " + token.getValue())
                        .get(target.getValue());
                if (answer.statusCode() != 401 || !answer.contentType().startsWith("application/problem+json")) {
                    wrong.add(token.getKey() + " at " + target.getKey() + ": " + answer.statusCode());
                }
            }
        }
        System.out.printf("token suite: %d forged tokens x %d targets%n", forged.size(), targets.size());
        assertEquals(List.of(), wrong);
    }

    @Test
    void pathTricksRevealNothingAndAHugeHeaderIs431() throws IOException {
        URI gateway = URI.create(stack.gatewayUrl());
        List<String> tricks = List.of(
                "/api/v1/../q/health/ready",
                "/api/v1/%2e%2e/%2e%2e/q/openapi",
                "/api/v1/providers/..%2F..%2F..%2Fq%2Fopenapi",
                "/api/v1/providers%2F..%2F..%2Fpupils",
                "/api/v1/providers/..;/..;/pupils/" + demo.pupilId(),
                "/api/v1/pupils/" + demo.pupilId() + "/..%2F..%2F..%2Fq%2Farc",
                "/api/v1/pupils/%2e%2e%2f" + demo.pupilId());
        List<String> wrong = new ArrayList<>();
        for (String trick : tricks) {
            String answer = raw(gateway, "GET " + trick + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            int status = statusOf(answer);
            // A trick may normalise to a public page (the gateway's own OpenAPI document is public); it must never
            // reach a pupil's record or a service's health details without a token.
            boolean revealing =
                    answer.contains("Jordan") || answer.contains("B801200005001") || answer.contains("\"checks\"");
            System.out.printf("path trick %-60s -> %d%n", trick, status);
            if (status == 200 && revealing || status >= 500) {
                wrong.add(trick + " -> " + status);
            }
        }
        String huge = "x".repeat(30 * 1024);
        for (String base : List.of(
                stack.gatewayUrl(),
                stack.serviceUrl("registry"),
                stack.serviceUrl("panel"),
                stack.serviceUrl("placement"),
                stack.serviceUrl("finance"),
                stack.serviceUrl("notification"))) {
            String answer = raw(
                    URI.create(base),
                    "GET /api/v1/providers HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: " + huge
                            + "\r\nConnection: close\r\n\r\n");
            if (statusOf(answer) != 431) {
                wrong.add("30 KB header at " + base + " -> " + statusOf(answer));
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void malformedRequestsMadeFromEveryOperationGetAProblemAndNeverA500() throws Exception {
        List<String> callers =
                List.of("hub.officer", "registry.officer", "finance.officer", "panel.chair", "school.a", "provider.a");
        Map<String, Integer> counts = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        int operations = 0;
        for (String service : List.of("registry", "panel", "placement", "finance", "notification")) {
            JsonNode document = Http.JSON.readTree(given().get(stack.serviceUrl(service) + "/q/openapi?format=json")
                    .asString());
            for (List<OpenApiFuzz.Probe> operation : new OpenApiFuzz(document).probes()) {
                operations++;
                // The first caller whose role lets the well-formed request past the role check: so the variants
                // reach body and parameter handling, not just a 403.
                String token = callers.stream()
                        .map(bearer::get)
                        .filter(t -> !Set.of(401, 403)
                                .contains(send(operation.get(0), t).statusCode()))
                        .findFirst()
                        .orElse(bearer.get("hub.officer"));
                for (OpenApiFuzz.Probe probe : operation) {
                    Response answer = send(probe, token);
                    int status = answer.statusCode();
                    counts.merge(status + "", 1, Integer::sum);
                    String type = answer.contentType() == null ? "" : answer.contentType();
                    if (status >= 500
                            || (status >= 400
                                    && (!type.startsWith("application/problem+json")
                                            || answer.asString().isBlank()))) {
                        wrong.add(probe.operation() + " [" + probe.variant() + "] -> " + status + " " + type);
                    }
                }
            }
        }
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf(
                "OpenAPI fuzz through the gateway: %d operations, %d requests, answers by status %s, %d wrong%n",
                operations, total, counts, wrong.size());
        wrong.stream().limit(40).forEach(w -> System.out.println("  wrong: " + w));
        assertTrue(operations > 40, "every service's operations were read: " + operations);
        assertEquals(List.of(), wrong);
    }

    private static Response send(OpenApiFuzz.Probe probe, String token) {
        var request = given().urlEncodingEnabled(false).header("Authorization", "Bearer " + token);
        probe.headers().forEach(request::header);
        if (probe.body() != null && !probe.headers().containsKey("Content-Type")) {
            request.contentType(ContentType.JSON);
        }
        if (probe.body() != null) {
            request.body(probe.body());
        }
        return request.request(probe.method(), stack.gatewayUrl() + probe.path());
    }

    private static String commissionAtProviderA() {
        String school = bearer.get("school.a");
        Map<String, Object> body = new HashMap<>();
        body.put("pupilId", demo.pupilId());
        body.put("providerId", demo.approvedProviderId());
        body.put("reasonCode", "SEMH_NEEDS");
        body.put("reason", "Part-time SEMH provision");
        body.put("timetable", List.of(Map.of("day", "TUESDAY", "start", "09:00", "end", "14:00")));
        body.put("startDate", LocalDate.now().plusDays(7).toString());
        body.put("plannedEndDate", LocalDate.now().plusDays(90).toString());
        String[] id = new String[1];
        Ports.await("provider A known to the placement service", Duration.ofSeconds(30), () -> {
            Response r = given().header("Authorization", "Bearer " + school)
                    .contentType(ContentType.JSON)
                    .body(body)
                    .post(stack.gatewayUrl() + "/api/v1/placements");
            id[0] = r.statusCode() == 201 ? r.path("id") : null;
            return r.statusCode() != 422;
        });
        assertTrue(id[0] != null, "the placement at provider A was made");
        return id[0];
    }

    /** A public client made for this test in realm alp: with or without the alp-api audience, any token lifespan. */
    private static String tokenFromNewClient(String clientId, boolean withAudience, String lifespanSeconds) {
        Map<String, Object> client = new HashMap<>();
        client.put("clientId", clientId);
        client.put("publicClient", true);
        client.put("directAccessGrantsEnabled", true);
        client.put("standardFlowEnabled", false);
        if (lifespanSeconds != null) {
            client.put("attributes", Map.of("access.token.lifespan", lifespanSeconds));
        }
        if (withAudience) {
            client.put(
                    "protocolMappers",
                    List.of(Map.of(
                            "name",
                            "audience alp-api",
                            "protocol",
                            "openid-connect",
                            "protocolMapper",
                            "oidc-audience-mapper",
                            "config",
                            Map.of("included.custom.audience", "alp-api", "access.token.claim", "true"))));
        }
        Http.Answer created = Http.post(
                stack.keycloak().url() + "/admin/realms/alp/clients",
                stack.keycloak().adminToken(),
                client);
        assertEquals(201, created.status(), "client " + clientId + " created");
        return Http.form(
                        stack.keycloak().issuer() + "/protocol/openid-connect/token",
                        Map.of(
                                "grant_type",
                                "password",
                                "client_id",
                                clientId,
                                "username",
                                "hub.officer",
                                "password",
                                "demo"))
                .text("access_token");
    }

    private static String raw(URI base, String request) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) > 0 && answer.size() < 1_000_000; ) {
                    answer.write(buffer, 0, n);
                }
            } catch (IOException closedAfterAnswering) {
                // a server may reset the connection after a refusal: what arrived is the answer
            }
            return answer.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private static int statusOf(String answer) {
        String[] line = answer.split("\r\n", 2)[0].split(" ");
        return line.length > 1 ? Integer.parseInt(line[1]) : -1;
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String hmac(String signingInput, byte[] key) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return signingInput + "."
                + Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String rs256(String signingInput, PrivateKey key) throws GeneralSecurityException {
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(key);
        signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
    }
}
