package uk.gov.bristol.alp.notification.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import uk.gov.bristol.alp.notification.config.NotificationConfig;
import uk.gov.bristol.alp.notification.domain.Notification;
import uk.gov.bristol.alp.notification.service.MailSender.MailFailure;
import uk.gov.bristol.alp.notification.service.MailSender.OutgoingMail;

/**
 * Sends what is due, at most once each. A round claims a batch ({@code PENDING} to {@code SENDING}, committed, rows
 * locked with SKIP LOCKED so several instances never claim the same one), hands each to the relay, then records SENT
 * or a failure with its next try. A notification left SENDING past the sending timeout (the sender stopped between
 * handing it over and recording the answer) becomes UNCERTAIN and is never resent on its own: an officer decides.
 */
@ApplicationScoped
public class Dispatcher {
    private static final Logger LOG = Logger.getLogger(Dispatcher.class);

    private final EntityManager em;
    private final MailSender mail;
    private final NotificationConfig config;
    private final Clock clock;

    public Dispatcher(EntityManager em, MailSender mail, NotificationConfig config, Clock clock) {
        this.em = em;
        this.mail = mail;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(
            every = "${alp.notification.dispatch-every}",
            delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        dispatchDue();
    }

    /** One dispatch: stale sends marked, then due notifications sent batch by batch. Returns how many were sent. */
    public int dispatchDue() {
        QuarkusTransaction.requiringNew().run(this::markStaleUncertain);
        int sent = 0;
        List<Claimed> batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(this::claim);
            for (Claimed claimed : batch) {
                sent += deliver(claimed) ? 1 : 0;
            }
        } while (batch.size() == config.batchSize());
        return sent;
    }

    private record Claimed(UUID id, OutgoingMail mail) {}

    @SuppressWarnings("unchecked")
    private List<Claimed> claim() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Object[]> rows = em.createNativeQuery("""
                        update notification set status = 'SENDING', sending_since = :now, version = version + 1
                        where id in (select id from notification
                                     where status = 'PENDING' and next_attempt_at <= :now
                                     order by urgent desc, created_at
                                     limit :batch
                                     for update skip locked)
                        returning id, email, subject, body""")
                .setParameter("now", now)
                .setParameter("batch", config.batchSize())
                .getResultList();
        return rows.stream()
                .map(r -> new Claimed(
                        (UUID) r[0],
                        new OutgoingMail((String) r[1], (String) r[2], (String) r[3], messageId((UUID) r[0]))))
                .toList();
    }

    private boolean deliver(Claimed claimed) {
        String error = null;
        try {
            mail.send(claimed.mail());
        } catch (MailFailure | RuntimeException e) {
            error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            LOG.warnf("notification %s not sent: %s", claimed.id(), error);
        }
        String failure = error;
        QuarkusTransaction.requiringNew().run(() -> {
            Notification n = em.find(Notification.class, claimed.id());
            OffsetDateTime now = OffsetDateTime.now(clock);
            if (failure == null) {
                n.sent(now);
            } else {
                n.failed(
                        failure,
                        now,
                        config.retry().maxAttempts(),
                        config.retry().base(),
                        config.retry().max());
            }
        });
        return error == null;
    }

    private void markStaleUncertain() {
        int stale = em.createNativeQuery("""
                        update notification set status = 'UNCERTAIN', version = version + 1,
                               last_error = 'the sender stopped before the relay answered: it may have been sent'
                        where status = 'SENDING' and sending_since < :before""")
                .setParameter("before", OffsetDateTime.now(clock).minus(config.sendingTimeout()))
                .executeUpdate();
        if (stale > 0) {
            LOG.warnf("%d notification(s) left SENDING past the timeout are now UNCERTAIN", stale);
        }
    }

    /** The same Message-ID on every try of one notification. */
    static String messageId(UUID notification) {
        return "<" + notification + "@alp.bristol.gov.uk>";
    }
}
