package uk.gov.bristol.alp.placement.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import uk.gov.bristol.alp.placement.contract.FinanceTopic.CostCodeChanged;
import uk.gov.bristol.alp.placement.domain.CostCodeView;
import uk.gov.bristol.alp.platform.event.EventJson;
import uk.gov.bristol.alp.platform.event.EventTypes;
import uk.gov.bristol.alp.platform.inbox.EventHandler;
import uk.gov.bristol.alp.platform.projection.ProjectionConsumer;

/** Keeps the cost codes finance publishes (alp.finance.v1), so a placement names only one finance can commit. */
@ApplicationScoped
public class FinanceEventsConsumer extends ProjectionConsumer<CostCodeChanged, CostCodeView> {

    public FinanceEventsConsumer(EventHandler handler, EventJson json) {
        super(handler, json, "placement-service.finance", List.of(EventTypes.COST_CODE_CHANGED), CostCodeChanged.class);
    }

    @Incoming("finance")
    @Blocking
    public void onFinanceEvent(String record) {
        accept(record);
    }

    @Override
    public CostCodeView rowFor(CostCodeChanged state) {
        return CostCodeView.findOrNew(state.code());
    }

    @Override
    public void copy(CostCodeChanged state, CostCodeView row) {
        row.description = state.description();
        row.fundingStream = state.fundingStream();
        row.status = state.status();
    }
}
