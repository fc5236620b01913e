package uk.gov.bristol.alp.notification.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.function.Consumer;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import uk.gov.bristol.alp.notification.contract.PanelTopic.ReferralNews;
import uk.gov.bristol.alp.notification.domain.Occurrence;
import uk.gov.bristol.alp.notification.service.Notifier;
import uk.gov.bristol.alp.platform.event.EventEnvelope;
import uk.gov.bristol.alp.platform.event.EventJson;
import uk.gov.bristol.alp.platform.event.EventTypes;
import uk.gov.bristol.alp.platform.inbox.EventConsumer;
import uk.gov.bristol.alp.platform.inbox.EventHandler;

/** Referrals submitted, returned and decided (alp.panel.v1), as notifications. */
@ApplicationScoped
public class PanelEventsConsumer extends EventConsumer {
    private final EventJson json;
    private final Notifier notifier;

    public PanelEventsConsumer(EventHandler handler, EventJson json, Notifier notifier) {
        super(handler, "notification-service.panel");
        this.json = json;
        this.notifier = notifier;
    }

    @Incoming("panel")
    @Blocking
    public void onPanelEvent(String record) {
        accept(record);
    }

    @Override
    protected Map<String, Consumer<EventEnvelope>> handlers() {
        return Map.of(
                EventTypes.REFERRAL_SUBMITTED, this::notify,
                EventTypes.REFERRAL_RETURNED, this::notify,
                EventTypes.PANEL_DECISION_MADE, this::notify);
    }

    private void notify(EventEnvelope event) {
        ReferralNews r = json.data(event, ReferralNews.class);
        notifier.record(new Occurrence(
                event.id(),
                event.type(),
                r.schoolUrn(),
                null,
                String.valueOf(r.referralId()),
                r.outcome(),
                Facts.of(
                        "requested", r.requested(),
                        "outcome", r.outcome(),
                        "fairAccess", Boolean.TRUE.equals(r.fairAccess()) ? "yes" : "no")));
    }
}
