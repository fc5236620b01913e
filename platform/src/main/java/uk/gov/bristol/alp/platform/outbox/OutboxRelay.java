package uk.gov.bristol.alp.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RetriableException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import uk.gov.bristol.alp.platform.tracing.EventTraces;

/**
 * Publishes outbox rows to Kafka and marks each sent only after the broker acknowledged it (acks=all, idempotent
 * producer). Per aggregate, a later event is never sent before an earlier one is acknowledged: a batch goes out in
 * waves, the first unsent event of every aggregate, then the next of those whose previous one was acknowledged, and
 * so on; an aggregate whose event failed waits for the next tick. So a consumer sees each aggregate's events in
 * order, each once. An event the broker refuses {@code alp.outbox.max-attempts} times is parked with its
 * aggregate's later events (an operator's matter, shown in health); every other aggregate goes on. A transaction
 * advisory lock keeps to one relay per database when several instances run.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final EntityManager em;
    private final RelayProducerFactory producers;
    private final EventTraces traces;
    private final Counter sentCount;
    private final Counter outageCount;
    private final Counter refusalCount;
    private final int batchSize;
    private final int maxAttempts;
    private final Duration retention;

    private Producer<String, String> producer;
    private final ReentrantLock relaying = new ReentrantLock();
    private volatile boolean again;
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private final ExecutorService waker = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("outbox-wake").daemon().factory());
    private Instant pausedUntil = Instant.MIN;
    private Duration backoff = Duration.ofMillis(250);

    public OutboxRelay(
            EntityManager em,
            RelayProducerFactory producers,
            EventTraces traces,
            MeterRegistry registry,
            @ConfigProperty(name = "alp.outbox.batch-size", defaultValue = "500") int batchSize,
            @ConfigProperty(name = "alp.outbox.max-attempts", defaultValue = "20") int maxAttempts,
            @ConfigProperty(name = "alp.outbox.retention", defaultValue = "P7D") Duration retention) {
        this.em = em;
        this.producers = producers;
        this.traces = traces;
        this.sentCount = Counter.builder("alp.outbox.sent")
                .description("Events the broker acknowledged")
                .register(registry);
        this.outageCount = Counter.builder("alp.outbox.relay.failures")
                .tag("kind", "outage")
                .description("Sends that failed because the broker was away (retried, never parked)")
                .register(registry);
        this.refusalCount = Counter.builder("alp.outbox.relay.failures")
                .tag("kind", "refused")
                .description("Sends the broker refused (counted towards parking)")
                .register(registry);
        this.batchSize = batchSize;
        this.maxAttempts = maxAttempts;
        this.retention = retention;
    }

    /**
     * Relays at once, off the caller's thread: {@link Outbox} calls this when a transaction that wrote events commits,
     * so an event reaches the broker in milliseconds rather than at the next tick. At most one wake waits at a time.
     */
    public void wake() {
        if (wakeQueued.compareAndSet(false, true)) {
            try {
                waker.execute(() -> {
                    wakeQueued.set(false);
                    tick();
                });
            } catch (RejectedExecutionException e) {
                wakeQueued.set(false); // shutting down; the next start's tick sends it
            }
        }
    }

    /**
     * The poll, for events committed by other instances and for retries. The scheduler checks once a second, so
     * intervals below 1 s are not honoured; {@link #wake()} carries this instance's own commits.
     */
    @Scheduled(every = "${alp.outbox.interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        // A pass asked for while another runs is not lost: the running pass sees the flag and goes round again.
        again = true;
        while (again && relaying.tryLock()) {
            try {
                again = false;
                relayPending();
            } finally {
                relaying.unlock();
            }
        }
    }

    private void relayPending() {
        if (Instant.now().isBefore(pausedUntil)) {
            return;
        }
        try {
            BatchResult result;
            do {
                result = relayBatch();
            } while (result.sent() == batchSize && result.failure() == null);
            if (result.failure() != null) {
                pause(result.failure());
            } else {
                backoff = Duration.ofMillis(250);
            }
        } catch (RuntimeException e) {
            pause(e.toString());
        }
    }

    /** One batch in one transaction (the advisory lock is released with it). */
    @Transactional
    public BatchResult relayBatch() {
        Object locked = em.createNativeQuery("select pg_try_advisory_xact_lock(hashtext('alp-outbox-relay'))")
                .getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            return new BatchResult(0, null);
        }
        List<OutboxMessage> batch = OutboxMessage.<OutboxMessage>find(
                        "sentAt is null and parkedAt is null and aggregateId not in "
                                + "(select p.aggregateId from OutboxMessage p where p.parkedAt is not null "
                                + "and p.sentAt is null) order by id")
                .page(0, batchSize)
                .list();
        if (batch.isEmpty()) {
            return new BatchResult(0, null);
        }
        Map<String, Deque<OutboxMessage>> byAggregate = new LinkedHashMap<>();
        batch.forEach(m -> byAggregate
                .computeIfAbsent(m.aggregateId, a -> new ArrayDeque<>())
                .add(m));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int sent = 0;
        String failure = null;
        while (!byAggregate.isEmpty()) {
            List<OutboxMessage> wave =
                    byAggregate.values().stream().map(Deque::poll).toList();
            List<Refusal> refusals = send(wave);
            for (int i = 0; i < wave.size(); i++) {
                OutboxMessage message = wave.get(i);
                Refusal refusal = refusals.get(i);
                if (refusal == null) {
                    message.sentAt = now;
                    sent++;
                    sentCount.increment();
                } else {
                    (refusal.isTransient() ? outageCount : refusalCount).increment();
                    failure = refusal.error();
                    refused(message, refusal, now);
                    byAggregate.remove(message.aggregateId);
                }
            }
            byAggregate.values().removeIf(Deque::isEmpty);
        }
        return new BatchResult(sent, failure);
    }

    /** Why the broker did not take an event; {@code transient} when it may well take it next time (an outage). */
    private record Refusal(String error, boolean isTransient) {
        static Refusal of(Throwable e) {
            return new Refusal(e.toString(), e instanceof RetriableException);
        }
    }

    /** Sends a wave (at most one event per aggregate) and waits for each acknowledgement; null where acknowledged. */
    private List<Refusal> send(List<OutboxMessage> wave) {
        Producer<String, String> kafka = producer();
        List<Future<RecordMetadata>> acks = new ArrayList<>(wave.size());
        List<Span> spans = new ArrayList<>(wave.size());
        Refusal notSent = null;
        for (OutboxMessage message : wave) {
            Span span = traces.sending(message.topic, message.eventId.toString(), message.traceparent);
            spans.add(span);
            ProducerRecord<String, String> record =
                    new ProducerRecord<>(message.topic, message.aggregateId, message.envelope);
            if (message.traceparent != null) {
                record.headers().add(EventTraces.HEADER, message.traceparent.getBytes(StandardCharsets.US_ASCII));
            }
            try {
                acks.add(kafka.send(record));
            } catch (RuntimeException e) {
                // The producer could not take it at all (no broker, buffer full): the rest of the wave waits too.
                notSent = new Refusal("not sent: " + e, true);
                break;
            }
        }
        List<Refusal> refusals = new ArrayList<>(wave.size());
        for (int i = 0; i < wave.size(); i++) {
            Refusal refusal = i < acks.size() ? awaitAck(acks.get(i)) : notSent;
            refusals.add(refusal);
            if (i < spans.size()) {
                EventTraces.end(
                        spans.get(i),
                        refusal == null ? "acknowledged" : "not sent",
                        refusal == null ? null : refusal.error());
            }
        }
        return refusals;
    }

    /**
     * Counts a refusal of this very event (a transient outage is not its fault and never parks it); parks it once the
     * broker has refused it {@code alp.outbox.max-attempts} times.
     */
    private void refused(OutboxMessage message, Refusal refusal, OffsetDateTime now) {
        message.lastError = refusal.error().length() > 2000 ? refusal.error().substring(0, 2000) : refusal.error();
        if (refusal.isTransient()) {
            return;
        }
        message.attempts++;
        if (message.attempts >= maxAttempts) {
            message.parkedAt = now;
            LOG.errorf(
                    "outbox: event %s (%s, aggregate %s) parked after %d refusals: %s; its aggregate waits for an "
                            + "operator",
                    message.eventId, message.eventType, message.aggregateId, message.attempts, message.lastError);
        }
    }

    /** @return null once the broker acknowledged, else why it did not. */
    private static Refusal awaitAck(Future<RecordMetadata> ack) {
        try {
            ack.get();
            return null;
        } catch (ExecutionException e) {
            return Refusal.of(e.getCause() == null ? e : e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Refusal(e.toString(), true);
        }
    }

    @Scheduled(cron = "0 17 3 * * ?")
    @Transactional
    void purgeSent() {
        long purged = OutboxMessage.delete(
                "sentAt < ?1", OffsetDateTime.now(ZoneOffset.UTC).minus(retention));
        LOG.infof("outbox: purged %d sent messages older than %s", purged, retention);
    }

    private void pause(String failure) {
        LOG.warnf("outbox: events not published (%s); retrying in %d ms", failure, backoff.toMillis());
        pausedUntil = Instant.now().plus(backoff);
        backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
    }

    private synchronized Producer<String, String> producer() {
        if (producer == null) {
            producer = producers.create();
        }
        return producer;
    }

    @PreDestroy
    synchronized void close() {
        waker.shutdownNow();
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    public record BatchResult(int sent, String failure) {}
}
