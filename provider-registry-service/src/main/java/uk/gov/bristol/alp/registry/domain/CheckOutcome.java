package uk.gov.bristol.alp.registry.domain;

public enum CheckOutcome {
    PASSED,
    FAILED
}
