package uk.gov.bristol.alp.registry.domain;

/** What kind of setting the provider is in law (docs/domain-rules.md, Education Act 1996 s463). */
public enum RegistrationStatus {
    REGISTERED_INDEPENDENT_SCHOOL,
    STATE_PLACE_FUNDED_AP,
    UNREGISTERED
}
