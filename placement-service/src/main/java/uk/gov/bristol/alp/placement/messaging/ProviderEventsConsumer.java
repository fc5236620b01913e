package uk.gov.bristol.alp.placement.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import uk.gov.bristol.alp.placement.contract.ProvidersTopic.ProviderState;
import uk.gov.bristol.alp.placement.domain.ProviderView;
import uk.gov.bristol.alp.placement.service.PlacementService;
import uk.gov.bristol.alp.platform.event.EventEnvelope;
import uk.gov.bristol.alp.platform.event.EventJson;
import uk.gov.bristol.alp.platform.event.EventTypes;
import uk.gov.bristol.alp.platform.inbox.EventHandler;
import uk.gov.bristol.alp.platform.projection.ProjectionConsumer;

/**
 * Keeps the provider read model from alp.providers.v1; running placements with a provider that is suspended,
 * removed or no longer compliant are flagged for review.
 */
@ApplicationScoped
public class ProviderEventsConsumer extends ProjectionConsumer<ProviderState, ProviderView> {
    private final PlacementService placements;

    public ProviderEventsConsumer(EventHandler handler, EventJson json, PlacementService placements) {
        super(handler, json, "placement-service.providers", EventTypes.PROVIDER_STATE_EVENTS, ProviderState.class);
        this.placements = placements;
    }

    @Incoming("providers")
    @Blocking
    public void onProviderEvent(String record) {
        accept(record);
    }

    @Override
    public ProviderView rowFor(ProviderState state) {
        return ProviderView.findOrNew(state.providerId());
    }

    @Override
    public void copy(ProviderState state, ProviderView view) {
        view.name = state.name();
        view.frameworkStatus = state.frameworkStatus();
        view.registrationStatus = state.registrationStatus();
        view.compliant = state.compliant();
        view.compliantUntil = state.compliantUntil();
        view.urn = state.urn();
        view.ukprn = state.ukprn();
        view.settingType = state.settingType();
        view.responseTimescaleDays = state.responseTimescaleDays();
        view.specialisms = state.specialisms() == null ? List.of() : List.copyOf(state.specialisms());
        if (state.qa() != null) {
            view.qaRisk = state.qa().risk();
            view.qaLastVisitOn = state.qa().lastVisitOn();
            view.qaLastRating = state.qa().lastRating();
            view.qaNextVisitDue = state.qa().nextVisitDue();
        }
    }

    @Override
    public void applied(ProviderState state, ProviderView view, EventEnvelope event) {
        if (!view.inGoodStanding()) {
            placements.flagForReview(
                    state.providerId(),
                    "the provider is " + state.frameworkStatus().toLowerCase()
                            + (state.compliant() ? "" : ", compliance lapsed") + " (registry event " + event.id()
                            + ")");
        }
    }
}
