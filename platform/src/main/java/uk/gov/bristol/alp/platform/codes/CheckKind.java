package uk.gov.bristol.alp.platform.codes;

/**
 * The checks on a provider (docs/domain-rules.md): the framework's, kept by the registry, and the ones a school
 * keeps itself before commissioning a provider that is not approved on the framework. The mandatory ones must have
 * passed and be in date: for the framework's approval, and for a school's off-framework placement.
 */
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
