package uk.gov.bristol.alp.platform.codes;

/** Sex (CBDS): F, M, U (unknown). */
public enum Sex {
    F,
    M,
    U
}
