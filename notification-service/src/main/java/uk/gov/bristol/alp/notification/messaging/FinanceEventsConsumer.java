package uk.gov.bristol.alp.notification.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import uk.gov.bristol.alp.notification.contract.FinanceTopic.BudgetThresholdReached;
import uk.gov.bristol.alp.notification.contract.FinanceTopic.CommitmentApprovalOverdue;
import uk.gov.bristol.alp.notification.contract.FinanceTopic.CommitmentCreated;
import uk.gov.bristol.alp.notification.domain.Occurrence;
import uk.gov.bristol.alp.notification.service.Notifier;
import uk.gov.bristol.alp.platform.event.EventEnvelope;
import uk.gov.bristol.alp.platform.event.EventJson;
import uk.gov.bristol.alp.platform.event.EventTypes;
import uk.gov.bristol.alp.platform.inbox.EventConsumer;
import uk.gov.bristol.alp.platform.inbox.EventHandler;

/** Commitments awaiting approval (and overdue for it) and budgets passing thresholds (alp.finance.v1), as notifications to finance. */
@ApplicationScoped
public class FinanceEventsConsumer extends EventConsumer {
    private final EventJson json;
    private final Notifier notifier;

    public FinanceEventsConsumer(EventHandler handler, EventJson json, Notifier notifier) {
        super(handler, "notification-service.finance");
        this.json = json;
        this.notifier = notifier;
    }

    @Incoming("finance")
    @Blocking
    public void onFinanceEvent(String record) {
        accept(record);
    }

    @Override
    protected Map<String, Consumer<EventEnvelope>> handlers() {
        return Map.of(
                EventTypes.COMMITMENT_CREATED, this::commitment,
                EventTypes.COMMITMENT_APPROVAL_OVERDUE, this::overdue,
                EventTypes.BUDGET_THRESHOLD_REACHED, this::threshold);
    }

    private void commitment(EventEnvelope event) {
        CommitmentCreated c = json.data(event, CommitmentCreated.class);
        notifier.record(new Occurrence(
                event.id(),
                event.type(),
                null,
                Objects.toString(c.providerId(), null),
                String.valueOf(c.commitmentId()),
                c.approval(),
                Facts.of(
                        "placementId", Objects.toString(c.placementId(), null),
                        "forecastCost", c.forecastCost())));
    }

    private void overdue(EventEnvelope event) {
        CommitmentApprovalOverdue c = json.data(event, CommitmentApprovalOverdue.class);
        notifier.record(new Occurrence(
                event.id(),
                event.type(),
                null,
                Objects.toString(c.providerId(), null),
                String.valueOf(c.commitmentId()),
                String.valueOf(c.send()),
                Facts.of(
                        "placementId", Objects.toString(c.placementId(), null),
                        "forecastCost", c.forecastCost(),
                        "dueBy", Objects.toString(c.dueBy(), null),
                        "send",
                                c.ehcPlan()
                                        ? "yes, an EHC plan"
                                        : c.ehcNeedsAssessment() ? "an EHC needs assessment is under way" : "no")));
    }

    private void threshold(EventEnvelope event) {
        BudgetThresholdReached b = json.data(event, BudgetThresholdReached.class);
        notifier.record(new Occurrence(
                event.id(),
                event.type(),
                null,
                null,
                String.valueOf(b.budgetId()),
                String.valueOf(b.level()),
                Facts.of(
                        "costCode", b.costCode(),
                        "financialYear", b.financialYear(),
                        "level", String.valueOf(b.level()),
                        "budget", b.budget(),
                        "committed", b.committed())));
    }
}
