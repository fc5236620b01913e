package uk.gov.bristol.alp.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import uk.gov.bristol.alp.notification.config.NotificationConfig;
import uk.gov.bristol.alp.notification.domain.DeliveryStatus;
import uk.gov.bristol.alp.notification.domain.Intent;
import uk.gov.bristol.alp.notification.domain.Notification;
import uk.gov.bristol.alp.notification.domain.NotificationRules;
import uk.gov.bristol.alp.notification.domain.Occurrence;
import uk.gov.bristol.alp.notification.domain.Preference;
import uk.gov.bristol.alp.notification.domain.Recipient;

/**
 * Turns an occurrence into notifications, one per recipient the rules name, written in the transaction that
 * claims the event in the inbox: the event is handled and its notifications exist, or neither. The dispatcher
 * sends them; a recipient who wants a digest gets them in the next one (unless urgent).
 */
@ApplicationScoped
public class Notifier {
    private final MessageTemplates templates;
    private final NotificationConfig config;
    private final Clock clock;

    public Notifier(MessageTemplates templates, NotificationConfig config, Clock clock) {
        this.templates = templates;
        this.config = config;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public int record(Occurrence occurrence) {
        int recorded = 0;
        for (Intent intent : NotificationRules.intents(occurrence)) {
            if (Notification.count(
                            "eventId = ?1 and audience = ?2 and recipientKey = ?3",
                            occurrence.eventId(),
                            intent.audience(),
                            intent.key())
                    > 0) {
                continue; // an event replayed from parking after it was handled: at most once per recipient
            }
            persist(occurrence, intent, Recipient.of(intent.audience(), intent.key()));
            recorded++;
        }
        return recorded;
    }

    private void persist(Occurrence o, Intent intent, Optional<Recipient> recipient) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        MessageTemplates.Message message = templates.render(intent.template(), facts(o));
        Notification n = new Notification();
        n.id = UUID.randomUUID();
        n.eventId = o.eventId();
        n.eventType = o.eventType();
        n.template = intent.template();
        n.audience = intent.audience();
        n.recipientKey = intent.key();
        n.urgent = intent.urgent();
        n.subject = message.subject();
        n.body = message.body();
        n.reference = o.reference();
        n.createdAt = now;
        n.email = recipient.map(r -> r.email).orElse(null);
        if (recipient.isEmpty()) {
            n.status = DeliveryStatus.NO_RECIPIENT;
        } else if (intent.urgent() || recipient.get().preference == Preference.IMMEDIATE) {
            n.status = DeliveryStatus.PENDING;
            n.nextAttemptAt = now;
        } else {
            n.status = DeliveryStatus.QUEUED_FOR_DIGEST;
        }
        n.persist();
    }

    private Map<String, String> facts(Occurrence o) {
        Map<String, String> facts = new HashMap<>();
        facts.put("reference", nonNull(o.reference()));
        facts.put("shortReference", shortened(o.reference()));
        facts.put("kind", nonNull(o.kind()));
        facts.put("headline", NotificationRules.attentionHeadline(o.kind()));
        facts.put("schoolUrn", nonNull(o.schoolUrn()));
        facts.put("providerId", nonNull(o.providerId()));
        facts.put("appUrl", config.appUrl());
        o.facts().forEach((k, v) -> facts.put(k, nonNull(v)));
        return facts;
    }

    /** The first block of a UUID: enough to tell records apart in a subject line, the full id is in the body. */
    private static String shortened(String reference) {
        if (reference == null) {
            return "";
        }
        int dash = reference.indexOf('-');
        return dash > 0 ? reference.substring(0, dash) : reference;
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
