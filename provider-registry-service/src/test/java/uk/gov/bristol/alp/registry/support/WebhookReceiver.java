package uk.gov.bristol.alp.registry.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A partner's webhook endpoint on 127.0.0.1, a real HTTP server: it keeps every request as received and answers 200,
 * or 503 while told to fail a provider's deliveries.
 */
public final class WebhookReceiver implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as received, with the status it was answered. */
    public record Received(
            String id, String timestamp, String signature, String body, JsonNode json, int answered, Instant at) {
        public String providerId() {
            return json.path("data").path("provider").path("providerId").asText();
        }

        public String statusReason() {
            return json.path("data").path("provider").path("statusReason").asText();
        }

        public boolean taken() {
            return answered == 200;
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    public static WebhookReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            WebhookReceiver receiver = new WebhookReceiver(server);
            server.createContext("/hook", receiver::handle);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** Answers 503 to the next {@code times} requests about the provider. */
    public void fail(String providerId, int times) {
        failuresLeft.put(providerId, new AtomicInteger(times));
    }

    public void stopFailing(String providerId) {
        failuresLeft.remove(providerId);
    }

    /** What was received about these providers, in the order received. */
    public List<Received> about(Set<String> providerIds) {
        return received.stream()
                .filter(r -> providerIds.contains(r.providerId()))
                .toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        JsonNode json = JSON.readTree(body);
        String provider = json.path("data").path("provider").path("providerId").asText();
        AtomicInteger left = failuresLeft.get(provider);
        int status = left != null && left.getAndDecrement() > 0 ? 503 : 200;
        received.add(new Received(
                exchange.getRequestHeaders().getFirst("webhook-id"),
                exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                exchange.getRequestHeaders().getFirst("webhook-signature"),
                body,
                json,
                status,
                Instant.now()));
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
