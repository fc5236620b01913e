package uk.gov.bristol.alp.finance.domain;

/** Where ALP money comes from (docs/domain-rules.md). */
public enum FundingStream {
    HIGH_NEEDS_BLOCK,
    ALP_HUB_CORE,
    SCHOOL_FUNDED,
    POST_16_YOUNG_PARENTS
}
