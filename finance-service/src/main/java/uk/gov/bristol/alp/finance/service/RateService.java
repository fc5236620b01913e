package uk.gov.bristol.alp.finance.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import uk.gov.bristol.alp.finance.domain.AgreedRate;
import uk.gov.bristol.alp.finance.domain.Rate;
import uk.gov.bristol.alp.platform.audit.AuditLog;
import uk.gov.bristol.alp.platform.security.Caller;

/** Rates finance agrees with providers; commitments waiting for a rate take one as soon as it applies. */
@ApplicationScoped
public class RateService {
    private final RateBook book;
    private final CommitmentService commitments;
    private final Caller caller;
    private final AuditLog audit;
    private final Clock clock;

    public RateService(RateBook book, CommitmentService commitments, Caller caller, AuditLog audit, Clock clock) {
        this.book = book;
        this.commitments = commitments;
        this.caller = caller;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public AgreedRate agree(
            UUID providerId, Rate.Unit unit, BigDecimal amount, LocalDate validFrom, LocalDate validTo, String reason) {
        AgreedRate rate = new AgreedRate();
        rate.id = UUID.randomUUID();
        rate.providerId = providerId;
        rate.unit = unit;
        rate.amount = amount;
        rate.validFrom = validFrom;
        rate.validTo = validTo;
        rate.reason = reason;
        rate.enteredBy = caller.username();
        rate.enteredAt = OffsetDateTime.now(clock);
        rate.persist();
        audit.record(
                AuditLog.Action.CREATE,
                "agreed-rate",
                rate.id,
                "provider " + providerId + ": " + amount
                        + " per " + unit + " from " + validFrom + (validTo == null ? "" : " to " + validTo)
                        + " (" + reason + ")");
        commitments.applyRates(providerId);
        return rate;
    }

    @Transactional
    public Rates of(UUID providerId) {
        return new Rates(book.agreed(providerId), book.offered(providerId));
    }

    public record Rates(List<Rate> agreed, List<Rate> offered) {}
}
