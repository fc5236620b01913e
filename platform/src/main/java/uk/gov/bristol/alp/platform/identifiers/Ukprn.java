package uk.gov.bristol.alp.platform.identifiers;

/** UK Provider Reference Number: 8 digits starting with 1. */
public final class Ukprn {
    private Ukprn() {}

    public static boolean isValid(String ukprn) {
        return ukprn != null && ukprn.matches("1\\d{7}");
    }
}
