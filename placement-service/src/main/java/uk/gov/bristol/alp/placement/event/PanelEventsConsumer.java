package uk.gov.bristol.alp.placement.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import uk.gov.bristol.alp.placement.service.PlacementService;
import uk.gov.bristol.alp.platform.codes.Ethnicity;
import uk.gov.bristol.alp.platform.codes.SenProvision;
import uk.gov.bristol.alp.platform.codes.Sex;
import uk.gov.bristol.alp.platform.event.EventJson;
import uk.gov.bristol.alp.platform.event.EventTypes;
import uk.gov.bristol.alp.platform.inbox.EventHandler;

/**
 * Turns an Inclusion Panel approve-placement decision into a proposed placement; a decision that supersedes
 * another withdraws the earlier one's proposal first.
 */
@ApplicationScoped
public class PanelEventsConsumer {
    private static final String CONSUMER = "placement-service.panel";

    private final EventHandler handler;
    private final EventJson json;
    private final PlacementService placements;

    public PanelEventsConsumer(EventHandler handler, EventJson json, PlacementService placements) {
        this.handler = handler;
        this.json = json;
        this.placements = placements;
    }

    @Incoming("panel")
    @Blocking
    public void onPanelEvent(String record) {
        handler.handle(CONSUMER, record, Map.of(EventTypes.PANEL_DECISION_MADE, event -> {
            Decision decision = json.data(event, Decision.class);
            if (decision.supersedesDecisionId() != null) {
                placements.withdrawSuperseded(decision.supersedesDecisionId(), decision.decisionId());
            }
            if ("APPROVE_PLACEMENT".equals(decision.outcome())) {
                placements.proposeFromDecision(decision);
            }
        }));
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Decision(UUID decisionId, UUID referralId, String outcome, String schoolUrn, String rationale,
            UUID supersedesDecisionId, PupilIdentity pupil, AgreedPlacement placement) {
    }

    /** The pupil, with the characteristics the authority monitors (absent from events before they carried them). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PupilIdentity(String upn, String firstName, String lastName, LocalDate dateOfBirth,
            SenProvision senProvision, Boolean lookedAfter, Ethnicity ethnicity, Sex sex) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AgreedPlacement(UUID providerId, BigDecimal hoursPerWeek, LocalDate startDate,
            LocalDate plannedEndDate, LocalDate reviewDate, String fundingRoute) {
        /** The panel gives a planned end, or only a review date: the placement runs to that review at least. */
        public LocalDate endOrReview() {
            return plannedEndDate != null ? plannedEndDate : reviewDate;
        }
    }
}
