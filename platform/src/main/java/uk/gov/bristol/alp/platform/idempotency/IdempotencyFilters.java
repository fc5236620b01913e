package uk.gov.bristol.alp.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import uk.gov.bristol.alp.platform.problem.Problem;
import uk.gov.bristol.alp.platform.problem.ProblemResponses;
import uk.gov.bristol.alp.platform.problem.ProblemType;
import uk.gov.bristol.alp.platform.text.Sha256;

/**
 * {@code Idempotency-Key} on POST (school MIS integrations retry): the first answer to a caller's key is stored and
 * replayed to every retry, so a retry never makes a twin. The key is written in the same transaction as the change
 * it guards ({@link ClaimInBusinessTransaction}), so it exists only if the change was made; the answer is stored
 * once the change committed. A key whose change committed but whose answer was not stored (the instance died in
 * between) answers 409: the change is made, read the resource. A key reused for another path or another body answers
 * 422. Keys are per caller (token principal), kept in the service's own database, and expire after
 * {@code alp.idempotency.ttl} (a day).
 */
public class IdempotencyFilters {
    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    static final ProblemType IN_PROGRESS = ProblemType.rule(
            "idempotency-key-in-progress", "A request with this Idempotency-Key is still being processed", 409);
    private static final ProblemType REUSED = ProblemType.rule(
            "idempotency-key-reused", "This Idempotency-Key was already used for a different request", 422);

    private final EntityManager em;
    private final SecurityIdentity identity;
    private final ObjectMapper json;
    private final ProblemResponses problems;
    private final PendingClaim pending;
    private final Duration ttl;

    public IdempotencyFilters(
            EntityManager em,
            SecurityIdentity identity,
            ObjectMapper json,
            ProblemResponses problems,
            PendingClaim pending,
            @ConfigProperty(name = "alp.idempotency.ttl", defaultValue = "PT24H") Duration ttl) {
        this.em = em;
        this.identity = identity;
        this.json = json;
        this.problems = problems;
        this.pending = pending;
        this.ttl = ttl;
    }

    @ServerRequestFilter
    public Optional<Response> claimOrReplay(ContainerRequestContext request, UriInfo uri) {
        String key = request.getHeaderString(HEADER);
        if (key == null || !"POST".equals(request.getMethod()) || identity.isAnonymous()) {
            return Optional.empty();
        }
        if (key.isBlank() || key.length() > 255) {
            return Optional.of(problems.of(
                    ProblemType.VALIDATION,
                    "Idempotency-Key must be 1 to 255 characters",
                    List.of(new Problem.FieldError(HEADER, "length", "1 to 255 characters")),
                    uri));
        }
        String principal = identity.getPrincipal().getName();
        String path = uri.getRequestUri().getRawPath();
        String requestHash = digest(path, body(request));
        Object[] first = QuarkusTransaction.requiringNew().<Object[]>call(() -> {
            em.createNativeQuery("""
                    delete from idempotency_key where principal = ?1 and key = ?2
                    and created_at < now() - cast(?3 as interval)""")
                    .setParameter(1, principal)
                    .setParameter(2, key)
                    .setParameter(3, ttl.toSeconds() + " seconds")
                    .executeUpdate();
            List<?> rows = em.createNativeQuery("""
                    select path, status, content_type, location, body, request_hash from idempotency_key
                    where principal = ?1 and key = ?2""")
                    .setParameter(1, principal)
                    .setParameter(2, key)
                    .getResultList();
            return rows.isEmpty() ? null : (Object[]) rows.get(0);
        });
        if (first == null) {
            // Written by the request's first transaction, with its change.
            pending.set(new PendingClaim.Claim(principal, key, path, requestHash));
            return Optional.empty();
        }
        if (!path.equals(first[0])) {
            return Optional.of(problems.of(REUSED, "the key was first used for " + first[0], List.of(), uri));
        }
        if (first[5] != null && !first[5].equals(requestHash)) {
            return Optional.of(problems.of(
                    REUSED,
                    "the key was first used with another request body; use a new key for a new request",
                    List.of(new Problem.FieldError(HEADER, "sameRequest", "already used for a different body")),
                    uri));
        }
        if (first[1] == null) {
            return Optional.of(problems.of(
                    IN_PROGRESS,
                    "the change this key asked for is made, but its answer is not on record yet (or was lost): "
                            + "retry shortly, or read the resource",
                    List.of(),
                    uri));
        }
        Response.ResponseBuilder replay = Response.status(((Number) first[1]).intValue())
                .header(REPLAYED, "true")
                .entity(first[4]);
        if (first[2] != null) {
            replay.type(MediaType.valueOf((String) first[2]));
        }
        if (first[3] != null) {
            replay.header("Location", first[3]);
        }
        return Optional.of(replay.build());
    }

    /** Once the change committed (its key with it), the answer is kept for retries; a refusal left no key. */
    @ServerResponseFilter
    public void keep(ContainerRequestContext request, ContainerResponseContext response) {
        if (pending.conflicted()) {
            // Another request with this key committed while this one ran: what this one did was rolled back.
            Response refused = problems.of(
                    IN_PROGRESS,
                    "a request with this Idempotency-Key was handled at the same moment; retry to get its answer",
                    List.of(),
                    request.getUriInfo());
            response.setStatus(refused.getStatus());
            response.setEntity(refused.getEntity());
            response.getHeaders().putSingle("Content-Type", refused.getMediaType());
            response.getHeaders().remove("Location");
            response.getHeaders().remove("ETag");
            return;
        }
        PendingClaim.Claim claim = pending.taken();
        if (claim == null || response.getStatus() >= 500) {
            return;
        }
        String body = write(response.getEntity());
        Object location = response.getHeaders().getFirst("Location");
        MediaType type = response.getMediaType();
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("""
                update idempotency_key set status = ?3, content_type = ?4, location = ?5, body = ?6
                where principal = ?1 and key = ?2""")
                        .setParameter(1, claim.principal())
                        .setParameter(2, claim.key())
                        .setParameter(3, response.getStatus())
                        .setParameter(4, type == null ? null : type.toString())
                        .setParameter(5, location == null ? null : location.toString())
                        .setParameter(6, body)
                        .executeUpdate());
    }

    /** The body, read once here and put back for the resource; empty when there is none. */
    private static byte[] body(ContainerRequestContext request) {
        if (!request.hasEntity()) {
            return new byte[0];
        }
        try {
            byte[] bytes = request.getEntityStream().readAllBytes();
            request.setEntityStream(new ByteArrayInputStream(bytes));
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("request body unreadable", e);
        }
    }

    private static String digest(String path, byte[] body) {
        return Sha256.hex((path + "\n").getBytes(StandardCharsets.UTF_8), body);
    }

    private String write(Object entity) {
        if (entity == null || entity instanceof String) {
            return (String) entity;
        }
        try {
            return json.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("answer cannot be kept for Idempotency-Key", e);
        }
    }
}
