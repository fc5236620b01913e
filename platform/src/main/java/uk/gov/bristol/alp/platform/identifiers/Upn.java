package uk.gov.bristol.alp.platform.identifiers;

import java.util.regex.Pattern;

/**
 * Unique Pupil Number (DfE Common Basic Data Set): check letter, LA number (3), establishment (4),
 * year (2), serial (3, a temporary UPN ends in a letter). The check letter is the letter whose value is
 * the sum of position x value over positions 2..13, modulo 23.
 */
public final class Upn {
    /** Letters in value order: A=0 ... Z=22, with I, O and S never used. */
    private static final String LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ";

    private static final Pattern SHAPE = Pattern.compile("[" + LETTERS + "]\\d{11}[0-9" + LETTERS + "]");

    private Upn() {}

    public static boolean isValid(String upn) {
        return upn != null && SHAPE.matcher(upn).matches() && upn.charAt(0) == checkLetter(upn.substring(1));
    }

    /** The check letter for positions 2..13 (12 characters). */
    public static char checkLetter(String positions2to13) {
        if (positions2to13.length() != 12) {
            throw new IllegalArgumentException("a UPN has 12 characters after its check letter");
        }
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (i + 2) * valueOf(positions2to13.charAt(i));
        }
        return LETTERS.charAt(sum % 23);
    }

    private static int valueOf(char c) {
        if (Character.isDigit(c)) {
            return c - '0';
        }
        int v = LETTERS.indexOf(c);
        if (v < 0) {
            throw new IllegalArgumentException("'" + c + "' is not allowed in a UPN");
        }
        return v;
    }
}
