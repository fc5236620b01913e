package uk.gov.bristol.alp.notification.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import uk.gov.bristol.alp.notification.contract.PlacementsTopic.AttentionNeeded;
import uk.gov.bristol.alp.notification.contract.PlacementsTopic.PlacementState;
import uk.gov.bristol.alp.notification.domain.Occurrence;
import uk.gov.bristol.alp.notification.service.Notifier;
import uk.gov.bristol.alp.platform.event.EventEnvelope;
import uk.gov.bristol.alp.platform.event.EventJson;
import uk.gov.bristol.alp.platform.event.EventTypes;
import uk.gov.bristol.alp.platform.inbox.EventConsumer;
import uk.gov.bristol.alp.platform.inbox.EventHandler;

/** Placements proposed to providers and placements needing attention (alp.placements.v1), as notifications. */
@ApplicationScoped
public class PlacementEventsConsumer extends EventConsumer {
    private final EventJson json;
    private final Notifier notifier;

    public PlacementEventsConsumer(EventHandler handler, EventJson json, Notifier notifier) {
        super(handler, "notification-service.placements");
        this.json = json;
        this.notifier = notifier;
    }

    @Incoming("placements")
    @Blocking
    public void onPlacementEvent(String record) {
        accept(record);
    }

    @Override
    protected Map<String, Consumer<EventEnvelope>> handlers() {
        return Map.of(
                EventTypes.PLACEMENT_PROPOSED, this::proposed,
                EventTypes.PLACEMENT_ATTENTION_NEEDED, this::attention);
    }

    private void proposed(EventEnvelope event) {
        PlacementState p = json.data(event, PlacementState.class);
        notifier.record(new Occurrence(
                event.id(),
                event.type(),
                p.schoolUrn(),
                Objects.toString(p.providerId(), null),
                String.valueOf(p.placementId()),
                p.commissioner(),
                Facts.of("startDate", Objects.toString(p.startDate(), null))));
    }

    private void attention(EventEnvelope event) {
        AttentionNeeded a = json.data(event, AttentionNeeded.class);
        notifier.record(new Occurrence(
                event.id(),
                event.type(),
                a.schoolUrn(),
                Objects.toString(a.providerId(), null),
                String.valueOf(a.placementId()),
                a.kind(),
                Facts.of("since", Objects.toString(a.since(), null))));
    }
}
