package uk.gov.bristol.alp.registry.domain;

public enum KeyStage {
    KS1,
    KS2,
    KS3,
    KS4,
    POST_16
}
