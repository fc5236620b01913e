package uk.gov.bristol.alp.registry.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;
import uk.gov.bristol.alp.registry.config.RegistryConfig;
import uk.gov.bristol.alp.registry.contract.ProvidersTopic.ProviderState;
import uk.gov.bristol.alp.registry.domain.Provider;
import uk.gov.bristol.alp.registry.domain.WebhookDelivery;
import uk.gov.bristol.alp.registry.domain.WebhookSignature;
import uk.gov.bristol.alp.registry.domain.WebhookSubscription;
import uk.gov.bristol.alp.registry.service.ChangeFeed;
import uk.gov.bristol.alp.registry.service.ProviderService;

/**
 * Partner push (docs/domain-rules.md, "Partner push"). Each round turns every active subscription's new changes
 * (from the change feed, at its own cursor) into deliveries, then posts what is due: the oldest unfinished delivery
 * per subscription and provider only, so one provider's changes arrive in the order they were made while a failing
 * one does not hold up the others. Claims are committed with SKIP LOCKED, so instances never post the same delivery
 * at once; one left SENDING by a stopped instance is tried again (receivers dedupe on {@code webhook-id}).
 */
@ApplicationScoped
public class WebhookDispatcher {
    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    static final String EVENT_TYPE = "provider.changed";
    private static final int MAX_PAGES_PER_ROUND = 20;
    private static final int MAX_ERROR = 500;

    private final EntityManager em;
    private final ChangeFeed feed;
    private final ProviderService providers;
    private final ProviderStates states;
    private final ObjectMapper json;
    private final Clock clock;
    private final RegistryConfig.Webhooks config;
    private final HttpClient http;

    public WebhookDispatcher(
            EntityManager em,
            ChangeFeed feed,
            ProviderService providers,
            ProviderStates states,
            ObjectMapper json,
            Clock clock,
            RegistryConfig config) {
        this.em = em;
        this.feed = feed;
        this.providers = providers;
        this.states = states;
        this.json = json;
        this.clock = clock;
        this.config = config.webhooks();
        this.http = HttpClient.newBuilder()
                .connectTimeout(this.config.requestTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @PreDestroy
    void close() {
        http.close();
    }

    @Scheduled(
            every = "${alp.registry.webhooks.dispatch-every:5s}",
            delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        run();
    }

    /** One round: changes to deliveries, due deliveries posted, old finished ones dropped from the log. */
    public void run() {
        QuarkusTransaction.requiringNew().run(this::enqueueChanges);
        QuarkusTransaction.requiringNew().run(this::retryStaleSends);
        List<Claimed> batch;
        int rounds = 0;
        do {
            batch = QuarkusTransaction.requiringNew().call(this::claim);
            post(batch);
        } while (batch.size() == config.batchSize() && ++rounds < MAX_PAGES_PER_ROUND);
        QuarkusTransaction.requiringNew().run(this::purgeFinished);
    }

    /** The body every delivery carries (the Standard Webhooks envelope): the provider's state and its cursor. */
    public record Body(String type, OffsetDateTime timestamp, Data data) {}

    public record Data(String cursor, ProviderState provider) {}

    @SuppressWarnings("unchecked")
    private void enqueueChanges() {
        List<UUID> active = em.createNativeQuery("""
                        select id from webhook_subscription where status = 'ACTIVE'
                        order by created_at for update skip locked""").getResultList();
        for (UUID id : active) {
            WebhookSubscription s = em.find(WebhookSubscription.class, id);
            ChangeFeed.Page page;
            int pages = 0;
            do {
                page = feed.after(s.feedCursor, config.batchSize());
                OffsetDateTime now = OffsetDateTime.now(clock);
                for (ChangeFeed.Change change : page.changes()) {
                    deliveryOf(s, change, now).persist();
                }
                s.feedCursor = page.next();
            } while (page.more() && ++pages < MAX_PAGES_PER_ROUND);
        }
    }

    private WebhookDelivery deliveryOf(WebhookSubscription s, ChangeFeed.Change change, OffsetDateTime now) {
        Provider p = change.provider();
        WebhookDelivery d = new WebhookDelivery();
        d.id = UUID.randomUUID();
        d.subscriptionId = s.id;
        d.providerId = p.id;
        d.providerVersion = p.version;
        d.feedCursor = change.cursor();
        d.body = write(new Body(EVENT_TYPE, now, new Data(change.cursor(), states.of(p, providers.compliance(p.id)))));
        d.status = WebhookDelivery.Status.PENDING;
        d.nextAttemptAt = now;
        d.createdAt = now;
        return d;
    }

    private String write(Body body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a provider state that cannot be written as JSON", e);
        }
    }

    private record Claimed(UUID id, String url, List<String> secrets, String body) {}

    @SuppressWarnings("unchecked")
    private List<Claimed> claim() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Object[]> rows = em.createNativeQuery("""
                        update webhook_delivery set status = 'SENDING', sending_since = :now,
                               attempts = attempts + 1, first_attempt_at = coalesce(first_attempt_at, :now)
                        where id in (
                            select d.id from webhook_delivery d
                            join webhook_subscription s on s.id = d.subscription_id
                            where d.status = 'PENDING' and d.next_attempt_at <= :now and s.status = 'ACTIVE'
                              and not exists (
                                  select 1 from webhook_delivery e
                                  where e.subscription_id = d.subscription_id and e.provider_id = d.provider_id
                                    and e.seq < d.seq and e.status in ('PENDING', 'SENDING'))
                            order by d.seq
                            limit :batch
                            for update of d skip locked)
                        returning id, subscription_id, body""")
                .setParameter("now", now)
                .setParameter("batch", config.batchSize())
                .getResultList();
        List<Claimed> claimed = new ArrayList<>();
        for (Object[] r : rows) {
            WebhookSubscription s = em.find(WebhookSubscription.class, r[1]);
            claimed.add(new Claimed((UUID) r[0], s.callbackUrl, s.signingSecrets(now), (String) r[2]));
        }
        return claimed;
    }

    /** Posts a batch at once (one slow partner does not make the others wait in turn), then records each answer. */
    private void post(List<Claimed> batch) {
        List<CompletableFuture<Outcome>> sent = batch.stream().map(this::send).toList();
        for (int i = 0; i < batch.size(); i++) {
            record(batch.get(i).id(), sent.get(i).join());
        }
    }

    private record Outcome(Integer statusCode, String error) {
        boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    private CompletableFuture<Outcome> send(Claimed c) {
        long timestamp = clock.instant().getEpochSecond();
        String id = c.id().toString();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(c.url()))
                    .timeout(config.requestTimeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "ALP-Webhooks/1")
                    .header("webhook-id", id)
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", WebhookSignature.header(c.secrets(), id, timestamp, c.body()))
                    .POST(HttpRequest.BodyPublishers.ofString(c.body()))
                    .build();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(new Outcome(null, "callback URL refused: " + e.getMessage()));
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle((response, failure) -> failure == null
                        ? new Outcome(response.statusCode(), "HTTP " + response.statusCode())
                        : new Outcome(null, describe(failure)));
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        String text = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR) : text;
    }

    private void record(UUID deliveryId, Outcome outcome) {
        QuarkusTransaction.requiringNew().run(() -> {
            WebhookDelivery d = em.find(WebhookDelivery.class, deliveryId);
            if (d == null || d.status != WebhookDelivery.Status.SENDING) {
                return; // unsubscribed meanwhile, or taken back as stale
            }
            OffsetDateTime now = OffsetDateTime.now(clock);
            if (outcome.delivered()) {
                d.delivered(outcome.statusCode(), now);
            } else {
                d.failed(
                        outcome.statusCode(),
                        outcome.error(),
                        now,
                        config.retryBase(),
                        config.retryMax(),
                        config.retryFor());
                LOG.warnf("webhook delivery %s failed (try %d): %s", d.id, d.attempts, outcome.error());
            }
        });
    }

    private void retryStaleSends() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        int stale = em.createNativeQuery("""
                        update webhook_delivery set status = 'PENDING', sending_since = null,
                               next_attempt_at = :now, last_error = 'the sender stopped before the partner answered'
                        where status = 'SENDING' and sending_since < :before""")
                .setParameter("now", now)
                .setParameter("before", now.minus(config.sendingTimeout()))
                .executeUpdate();
        if (stale > 0) {
            LOG.warnf("%d webhook deliveries left SENDING past the timeout will be tried again", stale);
        }
    }

    private void purgeFinished() {
        em.createNativeQuery("delete from webhook_delivery where finished_at < :before")
                .setParameter("before", OffsetDateTime.now(clock).minus(config.keepLog()))
                .executeUpdate();
    }
}
