package uk.gov.bristol.alp.registry.domain;

/** The framework's checks (docs/domain-rules.md). Mandatory ones must have passed and be in date for approval. */
public enum CheckKind {
    DBS_AND_STAFF_TRAINING(true),
    INSURANCE(true),
    HEALTH_AND_SAFETY_RISK_ASSESSMENT(true),
    SAFEGUARDING_POLICY_AND_PRACTICE(true),
    ATTENDANCE_AND_ENGAGEMENT(true),
    FINANCIAL_VIABILITY(true),
    QUALITY_ASSURANCE_VISIT(false);

    public final boolean mandatory;

    CheckKind(boolean mandatory) {
        this.mandatory = mandatory;
    }
}
