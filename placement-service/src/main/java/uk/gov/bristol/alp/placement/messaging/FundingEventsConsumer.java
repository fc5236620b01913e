package uk.gov.bristol.alp.placement.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.function.Consumer;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import uk.gov.bristol.alp.placement.contract.FinanceTopic.CommitmentApprovalOverdue;
import uk.gov.bristol.alp.placement.contract.FinanceTopic.CommitmentApproved;
import uk.gov.bristol.alp.placement.service.FundingClock;
import uk.gov.bristol.alp.platform.event.EventEnvelope;
import uk.gov.bristol.alp.platform.event.EventJson;
import uk.gov.bristol.alp.platform.event.EventTypes;
import uk.gov.bristol.alp.platform.inbox.EventConsumer;
import uk.gov.bristol.alp.platform.inbox.EventHandler;

/**
 * Finance's funding clock (alp.finance.v1, in its own consumer group beside the cost-code projection): a commitment
 * overdue for approval puts its placement on the Hub's attention list; its approval takes it off.
 */
@ApplicationScoped
public class FundingEventsConsumer extends EventConsumer {
    private final EventJson json;
    private final FundingClock funding;

    public FundingEventsConsumer(EventHandler handler, EventJson json, FundingClock funding) {
        super(handler, "placement-service.funding");
        this.json = json;
        this.funding = funding;
    }

    @Incoming("funding")
    @Blocking
    public void onFundingEvent(String record) {
        accept(record);
    }

    @Override
    protected Map<String, Consumer<EventEnvelope>> handlers() {
        return Map.of(
                EventTypes.COMMITMENT_APPROVAL_OVERDUE, this::overdue,
                EventTypes.COMMITMENT_APPROVED, this::approved);
    }

    private void overdue(EventEnvelope event) {
        CommitmentApprovalOverdue o = json.data(event, CommitmentApprovalOverdue.class);
        funding.overdue(o.placementId(), o.commitmentId(), o.dueBy());
    }

    private void approved(EventEnvelope event) {
        CommitmentApproved a = json.data(event, CommitmentApproved.class);
        funding.approved(a.placementId(), a.commitmentId());
    }
}
