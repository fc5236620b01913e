package uk.gov.bristol.alp.placement.contract;

/** What this service reads of {@code alp.finance.v1}: the register of cost codes (asyncapi: costCodeChanged). */
public final class FinanceTopic {

    /** A cost code's state after a change: ACTIVE, RETIRED or DELETED. */
    public record CostCodeChanged(String code, String description, String fundingStream, String status) {}

    private FinanceTopic() {}
}
