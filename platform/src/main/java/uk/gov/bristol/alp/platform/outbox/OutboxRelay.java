package uk.gov.bristol.alp.platform.outbox;

import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows to Kafka in id order and marks each sent only after the broker acknowledged it
 * (acks=all, idempotent producer). A row whose send failed stays unsent, and so do the later rows of the
 * same aggregate in that batch; every other acknowledged row is marked sent, so a partial outage never
 * re-sends what already arrived. Per-aggregate order holds and nothing is lost. A transaction
 * advisory lock keeps to one relay per database when several instances run.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final EntityManager em;
    private final RelayProducerFactory producers;
    private final int batchSize;
    private final Duration retention;

    private KafkaProducer<String, String> producer;
    private Instant pausedUntil = Instant.MIN;
    private Duration backoff = Duration.ofMillis(250);

    public OutboxRelay(
            EntityManager em,
            RelayProducerFactory producers,
            @ConfigProperty(name = "alp.outbox.batch-size", defaultValue = "500") int batchSize,
            @ConfigProperty(name = "alp.outbox.retention", defaultValue = "P7D") Duration retention) {
        this.em = em;
        this.producers = producers;
        this.batchSize = batchSize;
        this.retention = retention;
    }

    @Scheduled(every = "${alp.outbox.interval:0.2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
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
        List<OutboxMessage> batch = OutboxMessage.<OutboxMessage>find("sentAt is null order by id")
                .page(0, batchSize)
                .list();
        if (batch.isEmpty()) {
            return new BatchResult(0, null);
        }
        KafkaProducer<String, String> kafka = producer();
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        String failure = null;
        for (OutboxMessage message : batch) {
            try {
                acks.add(kafka.send(new ProducerRecord<>(message.topic, message.aggregateId, message.envelope)));
            } catch (RuntimeException e) {
                failure = e.toString();
                break;
            }
        }
        int sent = 0;
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Set<String> held = new HashSet<>();
        for (int i = 0; i < batch.size(); i++) {
            OutboxMessage message = batch.get(i);
            String error = i < acks.size() ? awaitAck(acks.get(i)) : "not sent: " + failure;
            if (error == null && !held.contains(message.aggregateId)) {
                message.sentAt = now;
                sent++;
            } else {
                // Hold this aggregate's later events back too, so they go out after this one.
                if (held.add(message.aggregateId) && error != null) {
                    message.attempts++;
                    message.lastError = error;
                }
                failure = failure == null ? error : failure;
            }
        }
        return new BatchResult(sent, failure);
    }

    /** @return null once the broker acknowledged, else the reason it did not. */
    private static String awaitAck(Future<RecordMetadata> ack) {
        try {
            ack.get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause() == null ? e.toString() : e.getCause().toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e.toString();
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

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = producers.create();
        }
        return producer;
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    public record BatchResult(int sent, String failure) {}
}
