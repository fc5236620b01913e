package uk.gov.bristol.alp.notification.domain;

/**
 * Who a notification is for. A school and a provider are identified by a key (the school's URN, the provider's
 * id); the teams are one inbox each.
 */
public enum Audience {
    /** The school that referred or commissions: the SENCo or designated safeguarding lead's shared inbox. */
    SCHOOL(true),
    /** The provider that runs (or is offered) the placement. */
    PROVIDER(true),
    /** The ALP Hub's duty inbox: safeguarding, pupils not arrived, placements flagged for review. */
    HUB_DUTY(false),
    /** The registry team that keeps the tri-authority framework. */
    REGISTRY_TEAM(false),
    /** Finance officers who approve high-cost commitments and watch budgets. */
    FINANCE_APPROVERS(false),
    /** The SEND team: pupils the panel refers to it for an EHC needs assessment. */
    SEND_TEAM(false);

    private final boolean keyed;

    Audience(boolean keyed) {
        this.keyed = keyed;
    }

    /** True when the audience needs a key (a URN or a provider id); teams have none. */
    public boolean keyed() {
        return keyed;
    }
}
