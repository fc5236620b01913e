package uk.gov.bristol.alp.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import uk.gov.bristol.alp.platform.event.EventEnvelope;
import uk.gov.bristol.alp.platform.event.EventJson;
import uk.gov.bristol.alp.platform.tracing.EventTraces;
import uk.gov.bristol.alp.platform.web.Correlation;

/**
 * Records an event in the caller's transaction. Nothing is sent here: {@link OutboxRelay} publishes it
 * after commit, so an event exists if and only if the change that caused it was committed. The commit wakes the relay.
 */
@ApplicationScoped
public class Outbox {
    private static final Object WAKE_KEY = new Object();
    private final EventJson json;
    private final Correlation correlation;
    private final EventTraces traces;
    private final String source;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;
    private final EntityManager em;

    public Outbox(
            EntityManager em,
            EventJson json,
            Correlation correlation,
            EventTraces traces,
            TransactionSynchronizationRegistry transactions,
            OutboxRelay relay,
            @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.em = em;
        this.json = json;
        this.correlation = correlation;
        this.traces = traces;
        this.transactions = transactions;
        this.relay = relay;
        this.source = "urn:alp:" + applicationName;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(String topic, String type, String aggregateId, Object data) {
        UUID id = UUID.randomUUID();
        String traceparent = traces.created(topic, type, aggregateId, id.toString());
        EventEnvelope envelope = new EventEnvelope(
                EventEnvelope.SPEC_VERSION,
                id,
                type,
                source,
                aggregateId,
                OffsetDateTime.now(ZoneOffset.UTC),
                EventEnvelope.JSON,
                correlation.current(),
                json.raw(data),
                traceparent);
        // A plain insert, not an entity: the row is never read back in this transaction, and an entity's envelope
        // would be kept and compared at every flush until the commit.
        String written = json.write(envelope);
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into outbox_message (event_id, topic, aggregate_id, event_type, traceparent, envelope,
                                                created_at)
                    values (?, ?, ?, ?, ?, ?, ?)""")) {
                insert.setObject(1, envelope.id());
                insert.setString(2, topic);
                insert.setString(3, aggregateId);
                insert.setString(4, type);
                insert.setString(5, traceparent);
                insert.setString(6, written);
                insert.setObject(7, envelope.time());
                insert.executeUpdate();
            }
        });
        wakeRelayOnCommit();
        return envelope.id();
    }

    /** Once per transaction: when it commits, the relay sends its events at once instead of at the next tick. */
    private void wakeRelayOnCommit() {
        if (transactions.getResource(WAKE_KEY) != null) {
            return;
        }
        transactions.putResource(WAKE_KEY, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the commit
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
    }
}
