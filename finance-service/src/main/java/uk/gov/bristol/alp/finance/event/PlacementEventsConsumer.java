package uk.gov.bristol.alp.finance.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import uk.gov.bristol.alp.finance.service.CommitmentService;
import uk.gov.bristol.alp.platform.event.EventJson;
import uk.gov.bristol.alp.platform.event.EventTypes;
import uk.gov.bristol.alp.platform.inbox.EventHandler;

/** Commits the cost of each confirmed placement (alp.placements.v1). */
@ApplicationScoped
public class PlacementEventsConsumer {
    private static final String CONSUMER = "finance-service.placements";

    private final EventHandler handler;
    private final EventJson json;
    private final CommitmentService commitments;

    public PlacementEventsConsumer(EventHandler handler, EventJson json, CommitmentService commitments) {
        this.handler = handler;
        this.json = json;
        this.commitments = commitments;
    }

    @Incoming("placements")
    @Blocking
    public void onPlacementEvent(String record) {
        handler.handle(CONSUMER, record, Map.of(EventTypes.PLACEMENT_CONFIRMED,
                event -> commitments.commit(json.data(event, ConfirmedPlacement.class))));
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ConfirmedPlacement(UUID placementId, UUID providerId, BigDecimal hoursPerWeek, BigDecimal hourlyRate,
            LocalDate startDate, LocalDate plannedEndDate) {
    }
}
