package uk.gov.bristol.alp.placement.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import uk.gov.bristol.alp.placement.contract.FinanceTopic.CommitmentApprovalOverdue;
import uk.gov.bristol.alp.placement.contract.FinanceTopic.CommitmentApproved;
import uk.gov.bristol.alp.placement.service.FundingClock;
import uk.gov.bristol.alp.platform.event.EventJson;
import uk.gov.bristol.alp.platform.event.EventTypes;
import uk.gov.bristol.alp.platform.inbox.EventHandler;
import uk.gov.bristol.alp.platform.inbox.ReplayableConsumer;

/**
 * Finance's funding clock (alp.finance.v1, in its own consumer group beside the cost-code projection): a commitment
 * overdue for approval puts its placement on the Hub's attention list; its approval takes it off.
 */
@ApplicationScoped
public class FundingEventsConsumer implements ReplayableConsumer {
    private static final String CONSUMER = "placement-service.funding";

    private final EventHandler handler;
    private final EventJson json;
    private final FundingClock funding;

    public FundingEventsConsumer(EventHandler handler, EventJson json, FundingClock funding) {
        this.handler = handler;
        this.json = json;
        this.funding = funding;
    }

    @Incoming("funding")
    @Blocking
    public void onFundingEvent(String record) {
        accept(record);
    }

    @Override
    public String name() {
        return CONSUMER;
    }

    @Override
    public EventHandler.Outcome accept(String record) {
        return handler.handle(
                CONSUMER,
                record,
                Map.of(
                        EventTypes.COMMITMENT_APPROVAL_OVERDUE,
                        event -> {
                            CommitmentApprovalOverdue o = json.data(event, CommitmentApprovalOverdue.class);
                            funding.overdue(o.placementId(), o.commitmentId(), o.dueBy());
                        },
                        EventTypes.COMMITMENT_APPROVED,
                        event -> {
                            CommitmentApproved a = json.data(event, CommitmentApproved.class);
                            funding.approved(a.placementId(), a.commitmentId());
                        }));
    }
}
