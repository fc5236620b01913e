package uk.gov.bristol.alp.platform.identifiers;

/** Unique Reference Number of an establishment: 6 digits. */
public final class Urn {
    private Urn() {}

    public static boolean isValid(String urn) {
        return urn != null && urn.matches("\\d{6}");
    }
}
