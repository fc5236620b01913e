package uk.gov.bristol.alp.platform.event;

import java.util.List;

/**
 * Event type names: the contract between producer and consumers, documented in
 * {@code asyncapi/alp-events.yaml}. A breaking change to a payload is a new version suffix.
 */
public final class EventTypes {
    private static final String PREFIX = "uk.gov.bristol.alp.";

    public static final String PROVIDER_REGISTERED = PREFIX + "provider.registered.v1";
    public static final String PROVIDER_CHECK_RECORDED = PREFIX + "provider.check-recorded.v1";
    public static final String PROVIDER_APPROVED = PREFIX + "provider.approved.v1";
    public static final String PROVIDER_SUSPENDED = PREFIX + "provider.suspended.v1";
    public static final String PROVIDER_REINSTATED = PREFIX + "provider.reinstated.v1";
    public static final String PROVIDER_REMOVED = PREFIX + "provider.removed.v1";
    public static final String PROVIDER_DETAILS_CHANGED = PREFIX + "provider.details-changed.v1";
    public static final String PROVIDER_RATES_CHANGED = PREFIX + "provider.rates-changed.v1";
    public static final String PROVIDER_COMPLIANCE_LAPSED = PREFIX + "provider.compliance-lapsed.v1";
    /** A provider's evidence expires soon (its compliantUntil within the reminder window); once per expiry date. */
    public static final String PROVIDER_EVIDENCE_EXPIRING = PREFIX + "provider.evidence-expiring.v1";
    /** Every registry event: each carries the provider's whole state, so a read model applies them all alike. */
    public static final List<String> PROVIDER_STATE_EVENTS = List.of(
            PROVIDER_REGISTERED,
            PROVIDER_CHECK_RECORDED,
            PROVIDER_APPROVED,
            PROVIDER_SUSPENDED,
            PROVIDER_REINSTATED,
            PROVIDER_REMOVED,
            PROVIDER_DETAILS_CHANGED,
            PROVIDER_RATES_CHANGED,
            PROVIDER_COMPLIANCE_LAPSED,
            PROVIDER_EVIDENCE_EXPIRING);

    public static final String REFERRAL_SUBMITTED = PREFIX + "referral.submitted.v1";
    public static final String REFERRAL_RETURNED = PREFIX + "referral.returned.v1";
    public static final String PANEL_DECISION_MADE = PREFIX + "panel.decision-made.v1";

    public static final String PLACEMENT_PROPOSED = PREFIX + "placement.proposed.v1";
    public static final String PLACEMENT_CONFIRMED = PREFIX + "placement.confirmed.v1";
    public static final String PLACEMENT_REVISED = PREFIX + "placement.revised.v1";
    public static final String PLACEMENT_ENDED = PREFIX + "placement.ended.v1";
    public static final String PLACEMENT_CANCELLED = PREFIX + "placement.cancelled.v1";
    public static final String ATTENDANCE_RECORDED = PREFIX + "placement.attendance-recorded.v1";
    public static final String PLACEMENT_ATTENTION_NEEDED = PREFIX + "placement.attention-needed.v1";

    public static final String COMMITMENT_CREATED = PREFIX + "finance.commitment-created.v1";
    public static final String BUDGET_THRESHOLD_REACHED = PREFIX + "finance.budget-threshold-reached.v1";
    /** A commitment still waits for approval past its target time (alp.finance.approval.target); once per round. */
    public static final String COMMITMENT_APPROVAL_OVERDUE = PREFIX + "finance.commitment-approval-overdue.v1";
    /** A finance officer approved a commitment that waited for approval. */
    public static final String COMMITMENT_APPROVED = PREFIX + "finance.commitment-approved.v1";
    /** A cost code registered, retired or deleted: its whole state, keyed by the code. */
    public static final String COST_CODE_CHANGED = PREFIX + "finance.cost-code-changed.v1";

    private EventTypes() {}
}
