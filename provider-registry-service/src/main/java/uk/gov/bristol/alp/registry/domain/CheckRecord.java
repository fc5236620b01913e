package uk.gov.bristol.alp.registry.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import uk.gov.bristol.alp.platform.codes.CheckKind;

/** The facts of one check that the compliance rule needs. */
public record CheckRecord(
        CheckKind kind, CheckOutcome outcome, LocalDate checkedOn, LocalDate expiresOn, Instant recordedAt) {

    /** Newer evidence first by the day it was checked, then by when it was recorded. */
    public static final Comparator<CheckRecord> NEWEST_LAST =
            Comparator.comparing(CheckRecord::checkedOn).thenComparing(CheckRecord::recordedAt);

    /** Evidence is in date up to and including its expiry day. */
    public boolean inDateOn(LocalDate day) {
        return expiresOn == null || !day.isAfter(expiresOn);
    }
}
