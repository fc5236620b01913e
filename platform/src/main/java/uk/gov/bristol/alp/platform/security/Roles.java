package uk.gov.bristol.alp.platform.security;

/** The realm roles of docs/architecture.md, as constants for {@code @RolesAllowed}. */
public final class Roles {
    public static final String HUB_OFFICER = "alp-hub-officer";
    public static final String SEND_OFFICER = "send-officer";
    public static final String PANEL_MEMBER = "panel-member";
    public static final String PANEL_CHAIR = "panel-chair";
    public static final String FINANCE_OFFICER = "finance-officer";
    public static final String REGISTRY_OFFICER = "registry-officer";
    public static final String SCHOOL_STAFF = "school-staff";
    public static final String PROVIDER_STAFF = "provider-staff";
    public static final String PARTNER_AUTHORITY = "partner-authority";
    public static final String AUDITOR = "auditor";
    /** Runs the system: parked events and their replay; no access to pupils' records through the API otherwise. */
    public static final String OPERATOR = "alp-operator";

    /** Claims that narrow what a caller may see. */
    public static final String CLAIM_SCHOOL_URN = "school_urn";

    public static final String CLAIM_PROVIDER_ID = "provider_id";
    public static final String CLAIM_AUTHORITY = "authority";

    private Roles() {}
}
