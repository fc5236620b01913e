package uk.gov.bristol.alp.placement.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import uk.gov.bristol.alp.placement.contract.PanelTopic.AgreedPlacement;
import uk.gov.bristol.alp.placement.contract.PanelTopic.PanelDecisionMade;
import uk.gov.bristol.alp.placement.contract.PanelTopic.PupilIdentity;
import uk.gov.bristol.alp.placement.service.PlacementService;
import uk.gov.bristol.alp.platform.event.EventJson;
import uk.gov.bristol.alp.platform.event.EventTypes;
import uk.gov.bristol.alp.platform.inbox.EventHandler;
import uk.gov.bristol.alp.platform.inbox.ReplayableConsumer;

/**
 * Turns an Inclusion Panel approve-placement decision into a proposed placement, and a refer-to-SEND decision into
 * an EHC needs assessment request on the pupil's record; a decision that supersedes another withdraws the earlier
 * one's proposal first.
 */
@ApplicationScoped
public class PanelEventsConsumer implements ReplayableConsumer {
    private static final String CONSUMER = "placement-service.panel";

    private final EventHandler handler;
    private final EventJson json;
    private final PlacementService placements;

    @Override
    public String name() {
        return CONSUMER;
    }

    public PanelEventsConsumer(EventHandler handler, EventJson json, PlacementService placements) {
        this.handler = handler;
        this.json = json;
        this.placements = placements;
    }

    @Incoming("panel")
    @Blocking
    public void onPanelEvent(String record) {
        accept(record);
    }

    @Override
    public EventHandler.Outcome accept(String record) {
        return handler.handle(CONSUMER, record, Map.of(EventTypes.PANEL_DECISION_MADE, event -> {
            PanelDecisionMade decision = json.data(event, PanelDecisionMade.class);
            if (decision.supersedesDecisionId() != null) {
                placements.withdrawSuperseded(decision.supersedesDecisionId(), decision.decisionId());
            }
            if ("APPROVE_PLACEMENT".equals(decision.outcome())) {
                placements.proposeFromDecision(proposal(decision));
            } else if ("REFER_TO_SEND".equals(decision.outcome()) && decision.pupil() != null) {
                placements.referToSend(
                        decision.schoolUrn(),
                        identity(decision.pupil()),
                        decision.decidedAt().toLocalDate());
            }
        }));
    }

    private static PlacementService.PupilIdentity identity(PupilIdentity p) {
        return new PlacementService.PupilIdentity(
                p.upn(),
                p.firstName(),
                p.lastName(),
                p.dateOfBirth(),
                p.senProvision(),
                Boolean.TRUE.equals(p.lookedAfter()),
                p.ethnicity(),
                p.sex());
    }

    /** The panel gives a planned end, or only a review date: the placement runs to that review at least. */
    private static PlacementService.PanelProposal proposal(PanelDecisionMade decision) {
        AgreedPlacement agreed = decision.placement();
        return new PlacementService.PanelProposal(
                decision.decisionId(),
                decision.schoolUrn(),
                identity(decision.pupil()),
                agreed.providerId(),
                agreed.hoursPerWeek(),
                agreed.startDate(),
                agreed.plannedEndDate() != null ? agreed.plannedEndDate() : agreed.reviewDate());
    }
}
