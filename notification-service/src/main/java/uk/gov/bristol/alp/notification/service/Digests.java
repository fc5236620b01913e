package uk.gov.bristol.alp.notification.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import uk.gov.bristol.alp.notification.config.NotificationConfig;
import uk.gov.bristol.alp.notification.domain.DeliveryStatus;
import uk.gov.bristol.alp.notification.domain.Notification;

/**
 * The daily digest: for each address with notifications waiting, one message listing them (their subject lines),
 * then sent by the dispatcher like any other, with its retries. Each waiting notification is marked IN_DIGEST with
 * the digest's id in the same transaction, so it is in exactly one digest.
 */
@ApplicationScoped
public class Digests {
    private final EntityManager em;
    private final MessageTemplates templates;
    private final NotificationConfig config;
    private final Clock clock;

    public Digests(EntityManager em, MessageTemplates templates, NotificationConfig config, Clock clock) {
        this.em = em;
        this.templates = templates;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(cron = "${alp.notification.digest-cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        compose();
    }

    /** Composes a digest for every address with notifications waiting; returns how many digests. */
    public int compose() {
        List<String> addresses = QuarkusTransaction.requiringNew()
                .call(() -> em.createQuery(
                                "select distinct n.email from Notification n where n.status = :queued", String.class)
                        .setParameter("queued", DeliveryStatus.QUEUED_FOR_DIGEST)
                        .getResultList());
        int composed = 0;
        for (String address : addresses) {
            composed += QuarkusTransaction.requiringNew().call(() -> composeFor(address)) ? 1 : 0;
        }
        return composed;
    }

    private boolean composeFor(String address) {
        List<Notification> waiting = em.createQuery(
                        "from Notification n where n.status = :queued and n.email = :email order by n.createdAt",
                        Notification.class)
                .setParameter("queued", DeliveryStatus.QUEUED_FOR_DIGEST)
                .setParameter("email", address)
                .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", -2) // SKIP LOCKED: another instance is composing it
                .getResultList();
        if (waiting.isEmpty()) {
            return false;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Notification first = waiting.get(0);
        StringBuilder lines = new StringBuilder();
        waiting.forEach(n -> lines.append("- ").append(n.subject).append('\n'));
        MessageTemplates.Message message = templates.render(
                "digest",
                Map.of(
                        "count", String.valueOf(waiting.size()),
                        "lines", lines.toString(),
                        "appUrl", config.appUrl()));
        Notification digest = new Notification();
        digest.id = UUID.randomUUID();
        digest.eventType = "digest";
        digest.template = "digest";
        digest.audience = first.audience;
        digest.recipientKey = first.recipientKey;
        digest.email = address;
        digest.subject = message.subject();
        digest.body = message.body();
        digest.status = DeliveryStatus.PENDING;
        digest.nextAttemptAt = now;
        digest.createdAt = now;
        digest.persist();
        waiting.forEach(n -> {
            n.status = DeliveryStatus.IN_DIGEST;
            n.digestId = digest.id;
        });
        return true;
    }
}
