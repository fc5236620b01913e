package uk.gov.bristol.alp.registry.domain;

import java.time.LocalDate;

/** The facts of one check that the compliance rule needs. */
public record CheckRecord(CheckKind kind, CheckOutcome outcome, LocalDate checkedOn, LocalDate expiresOn) {

    /** Evidence is in date up to and including its expiry day. */
    public boolean inDateOn(LocalDate day) {
        return expiresOn == null || !day.isAfter(expiresOn);
    }
}
