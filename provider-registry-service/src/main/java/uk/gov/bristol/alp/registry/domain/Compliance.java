package uk.gov.bristol.alp.registry.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import uk.gov.bristol.alp.platform.codes.CheckKind;

/**
 * A provider's compliance on a day: for each mandatory check, the latest one (by the day it was checked,
 * then by when it was recorded) must have passed and be in date. A later failed check replaces an
 * earlier pass, because it is newer evidence.
 */
public record Compliance(boolean compliant, List<Gap> gaps, LocalDate compliantUntil) {

    /** A mandatory check that is missing, failed, or expired. */
    public record Gap(CheckKind kind, String problem, LocalDate expiredOn) {}

    public static Compliance on(LocalDate day, Collection<CheckRecord> checks) {
        Map<CheckKind, CheckRecord> latest = checks.stream()
                .collect(Collectors.toMap(
                        CheckRecord::kind, c -> c, (a, b) -> CheckRecord.NEWEST_LAST.compare(a, b) >= 0 ? a : b));
        List<Gap> gaps = new ArrayList<>();
        List<LocalDate> expiries = new ArrayList<>();
        for (CheckKind kind :
                Arrays.stream(CheckKind.values()).filter(k -> k.mandatory).toList()) {
            CheckRecord check = latest.get(kind);
            if (check == null) {
                gaps.add(new Gap(kind, "missing", null));
            } else if (check.outcome() != CheckOutcome.PASSED) {
                gaps.add(new Gap(kind, "failed", null));
            } else if (!check.inDateOn(day)) {
                gaps.add(new Gap(kind, "expired", check.expiresOn()));
            } else if (check.expiresOn() != null) {
                expiries.add(check.expiresOn());
            }
        }
        Optional<LocalDate> until =
                gaps.isEmpty() ? expiries.stream().min(Comparator.naturalOrder()) : Optional.empty();
        return new Compliance(gaps.isEmpty(), List.copyOf(gaps), until.orElse(null));
    }
}
