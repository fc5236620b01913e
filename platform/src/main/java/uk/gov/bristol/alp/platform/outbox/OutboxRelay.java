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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
import java.util.UUID;
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
import org.hibernate.Session;
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

    /**
     * One batch in one transaction (the advisory lock is released with it). Rows are read as plain columns and marked
     * sent by one statement: as entities, each envelope was copied for dirty checking and written back whole by an
     * UPDATE of every column (a 35 kB attendance event rewritten, re-compressed and re-TOASTed just to set sent_at).
     */
    @Transactional
    public BatchResult relayBatch() {
        Object locked = em.createNativeQuery("select pg_try_advisory_xact_lock(hashtext('alp-outbox-relay'))")
                .getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            return new BatchResult(0, null);
        }
        List<Pending> batch = pending();
        if (batch.isEmpty()) {
            return new BatchResult(0, null);
        }
        Map<String, Deque<Pending>> byAggregate = new LinkedHashMap<>();
        batch.forEach(m -> byAggregate
                .computeIfAbsent(m.aggregateId(), a -> new ArrayDeque<>())
                .add(m));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<Long> sent = new ArrayList<>(batch.size());
        String failure = null;
        while (!byAggregate.isEmpty()) {
            List<Pending> wave = byAggregate.values().stream().map(Deque::poll).toList();
            List<Refusal> refusals = send(wave);
            for (int i = 0; i < wave.size(); i++) {
                Pending message = wave.get(i);
                Refusal refusal = refusals.get(i);
                if (refusal == null) {
                    sent.add(message.id());
                    sentCount.increment();
                } else {
                    (refusal.isTransient() ? outageCount : refusalCount).increment();
                    failure = refusal.error();
                    refused(message, refusal, now);
                    byAggregate.remove(message.aggregateId());
                }
            }
            byAggregate.values().removeIf(Deque::isEmpty);
        }
        markSent(sent, now);
        return new BatchResult(sent.size(), failure);
    }

    /** An unsent event as the relay needs it. */
    private record Pending(
            long id,
            UUID eventId,
            String eventType,
            String topic,
            String aggregateId,
            String envelope,
            String traceparent,
            int attempts) {}

    /** The oldest unsent events, none of an aggregate that has a parked one (its later events wait with it). */
    private List<Pending> pending() {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    select id, event_id, event_type, topic, aggregate_id, envelope, traceparent, attempts
                    from outbox_message
                    where sent_at is null and parked_at is null and aggregate_id not in
                        (select p.aggregate_id from outbox_message p
                         where p.parked_at is not null and p.sent_at is null)
                    order by id limit ?""")) {
                select.setInt(1, batchSize);
                List<Pending> rows = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        rows.add(new Pending(
                                row.getLong(1),
                                row.getObject(2, UUID.class),
                                row.getString(3),
                                row.getString(4),
                                row.getString(5),
                                row.getString(6),
                                row.getString(7),
                                row.getInt(8)));
                    }
                }
                return rows;
            }
        });
    }

    private void markSent(List<Long> ids, OffsetDateTime now) {
        if (ids.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement update =
                    connection.prepareStatement("update outbox_message set sent_at = ? where id = any(?)")) {
                update.setObject(1, now);
                update.setArray(2, connection.createArrayOf("bigint", ids.toArray()));
                update.executeUpdate();
            }
        });
    }

    /** Why the broker did not take an event; {@code transient} when it may well take it next time (an outage). */
    private record Refusal(String error, boolean isTransient) {
        static Refusal of(Throwable e) {
            return new Refusal(e.toString(), e instanceof RetriableException);
        }
    }

    /** Sends a wave (at most one event per aggregate) and waits for each acknowledgement; null where acknowledged. */
    private List<Refusal> send(List<Pending> wave) {
        Producer<String, String> kafka = producer();
        List<Future<RecordMetadata>> acks = new ArrayList<>(wave.size());
        List<Span> spans = new ArrayList<>(wave.size());
        Refusal notSent = null;
        for (Pending message : wave) {
            Span span = traces.sending(message.topic(), message.eventId().toString(), message.traceparent());
            spans.add(span);
            ProducerRecord<String, String> record =
                    new ProducerRecord<>(message.topic(), message.aggregateId(), message.envelope());
            if (message.traceparent() != null) {
                record.headers().add(EventTraces.HEADER, message.traceparent().getBytes(StandardCharsets.US_ASCII));
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
     * Records why the broker did not take this very event; counts the refusal (a transient outage is not its fault and
     * never parks it) and parks the event once the broker has refused it {@code alp.outbox.max-attempts} times.
     */
    private void refused(Pending message, Refusal refusal, OffsetDateTime now) {
        String error = refusal.error().length() > 2000 ? refusal.error().substring(0, 2000) : refusal.error();
        int attempts = refusal.isTransient() ? message.attempts() : message.attempts() + 1;
        boolean park = !refusal.isTransient() && attempts >= maxAttempts;
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "update outbox_message set last_error = ?, attempts = ?, parked_at = ? where id = ?")) {
                update.setString(1, error);
                update.setInt(2, attempts);
                update.setObject(3, park ? now : null); // null goes untyped: PostgreSQL takes the column's type
                update.setLong(4, message.id());
                update.executeUpdate();
            }
        });
        if (park) {
            LOG.errorf(
                    "outbox: event %s (%s, aggregate %s) parked after %d refusals: %s; its aggregate waits for an "
                            + "operator",
                    message.eventId(), message.eventType(), message.aggregateId(), attempts, error);
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
