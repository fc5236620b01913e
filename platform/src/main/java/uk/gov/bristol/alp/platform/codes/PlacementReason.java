package uk.gov.bristol.alp.platform.codes;

/**
 * Why a pupil is placed in ALP: the common language the review asked for, so placements can be counted and compared
 * across schools and authorities. The free-text reason says the rest.
 */
public enum PlacementReason {
    SEMH_NEEDS("Social, emotional and mental health needs"),
    MEDICAL_HEALTH("Physical or mental health condition; unable to attend school"),
    EMOTIONALLY_BASED_SCHOOL_AVOIDANCE("Emotionally based school avoidance"),
    AT_RISK_OF_EXCLUSION("Behaviour putting the pupil at risk of exclusion"),
    PERMANENTLY_EXCLUDED("Permanently excluded"),
    SUSPENDED("Suspended (from the sixth day)"),
    EHC_PLAN_NAMED_SETTING("Setting named on the pupil's EHC plan"),
    AWAITING_SCHOOL_PLACE("No school place yet (for example, In-Year Fair Access)"),
    OTHER("Other: see the reason given");

    public final String description;

    PlacementReason(String description) {
        this.description = description;
    }
}
