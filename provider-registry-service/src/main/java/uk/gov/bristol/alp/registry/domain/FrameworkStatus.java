package uk.gov.bristol.alp.registry.domain;

/** Where a provider stands on the tri-authority framework. */
public enum FrameworkStatus {
    APPLIED,
    APPROVED,
    SUSPENDED,
    REMOVED
}
