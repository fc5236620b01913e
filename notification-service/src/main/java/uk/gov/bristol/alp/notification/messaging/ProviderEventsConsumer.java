package uk.gov.bristol.alp.notification.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import uk.gov.bristol.alp.notification.contract.ProvidersTopic.ProviderState;
import uk.gov.bristol.alp.notification.domain.Occurrence;
import uk.gov.bristol.alp.notification.service.Notifier;
import uk.gov.bristol.alp.platform.event.EventEnvelope;
import uk.gov.bristol.alp.platform.event.EventJson;
import uk.gov.bristol.alp.platform.event.EventTypes;
import uk.gov.bristol.alp.platform.inbox.EventConsumer;
import uk.gov.bristol.alp.platform.inbox.EventHandler;

/**
 * A provider's evidence lapsing or about to (alp.providers.v1), as notifications to the registry team and the
 * provider.
 */
@ApplicationScoped
public class ProviderEventsConsumer extends EventConsumer {
    private final EventJson json;
    private final Notifier notifier;

    public ProviderEventsConsumer(EventHandler handler, EventJson json, Notifier notifier) {
        super(handler, "notification-service.providers");
        this.json = json;
        this.notifier = notifier;
    }

    @Incoming("providers")
    @Blocking
    public void onProviderEvent(String record) {
        accept(record);
    }

    @Override
    protected Map<String, Consumer<EventEnvelope>> handlers() {
        return Map.of(
                EventTypes.PROVIDER_COMPLIANCE_LAPSED, this::evidence,
                EventTypes.PROVIDER_EVIDENCE_EXPIRING, this::evidence);
    }

    /** Evidence lapsed or about to: the same facts, its own template. */
    private void evidence(EventEnvelope event) {
        ProviderState p = json.data(event, ProviderState.class);
        notifier.record(new Occurrence(
                event.id(),
                event.type(),
                null,
                String.valueOf(p.providerId()),
                String.valueOf(p.providerId()),
                null,
                Facts.of("providerName", p.name(), "compliantUntil", Objects.toString(p.compliantUntil(), null))));
    }
}
