package uk.gov.bristol.alp.placement.event;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import uk.gov.bristol.alp.placement.domain.ProviderView;
import uk.gov.bristol.alp.placement.service.PlacementService;
import uk.gov.bristol.alp.platform.event.EventEnvelope;
import uk.gov.bristol.alp.platform.event.EventJson;
import uk.gov.bristol.alp.platform.event.EventTypes;
import uk.gov.bristol.alp.platform.inbox.EventHandler;

/** Keeps the provider read model from alp.providers.v1: every provider event carries its full state. */
@ApplicationScoped
public class ProviderEventsConsumer {
    private static final String CONSUMER = "placement-service.providers";

    private final EventHandler handler;
    private final EventJson json;
    private final PlacementService placements;
    private final Map<String, Consumer<EventEnvelope>> handlers;

    public ProviderEventsConsumer(EventHandler handler, EventJson json, PlacementService placements) {
        this.handler = handler;
        this.json = json;
        this.placements = placements;
        Consumer<EventEnvelope> upsert = this::upsert;
        this.handlers = EventTypes.PROVIDER_STATE_EVENTS.stream()
                .collect(Collectors.toMap(Function.identity(), type -> upsert));
    }

    @Incoming("providers")
    @Blocking
    public void onProviderEvent(String record) {
        handler.handle(CONSUMER, record, handlers);
    }

    private void upsert(EventEnvelope event) {
        ProviderState state = json.data(event, ProviderState.class);
        ProviderView view = ProviderView.findById(state.providerId());
        if (view == null) {
            view = new ProviderView();
            view.providerId = state.providerId();
        } else if (view.asOf != null && view.asOf.isAfter(event.time())) {
            return;
        }
        view.name = state.name();
        view.frameworkStatus = state.frameworkStatus();
        view.registrationStatus = state.registrationStatus();
        view.compliant = state.compliant();
        view.compliantUntil = state.compliantUntil();
        view.urn = state.urn();
        view.ukprn = state.ukprn();
        view.settingType = state.settingType();
        view.asOf = event.time();
        view.persist();
        if ("SUSPENDED".equals(state.frameworkStatus()) || "REMOVED".equals(state.frameworkStatus())
                || !state.compliant()) {
            placements.flagForReview(state.providerId(), "the provider is " + state.frameworkStatus().toLowerCase()
                    + (state.compliant() ? "" : ", compliance lapsed") + " (registry event " + event.id() + ")");
        }
    }

    /** The part of the registry's ProviderState this service keeps. */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    public record ProviderState(UUID providerId, String name, String frameworkStatus, String registrationStatus,
            boolean compliant, LocalDate compliantUntil, String urn, String ukprn, String settingType) {
    }
}
