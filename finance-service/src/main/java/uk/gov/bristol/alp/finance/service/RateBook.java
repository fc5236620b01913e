package uk.gov.bristol.alp.finance.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import uk.gov.bristol.alp.finance.domain.AgreedRate;
import uk.gov.bristol.alp.finance.domain.FinanceProvider;
import uk.gov.bristol.alp.finance.domain.Rate;

/** Which rate applies to a provider on a day: one finance agreed comes first, then the one the registry offers. */
@ApplicationScoped
public class RateBook {
    private static final Comparator<Rate> NEWEST_FIRST = Comparator.comparing(
                    Rate::validFrom, Comparator.nullsFirst(Comparator.<LocalDate>naturalOrder()))
            .reversed();

    /** The newest rate valid on the day that a forecast can use (hourly or weekly), if any. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Rate> on(UUID providerId, LocalDate day) {
        return Stream.of(agreed(providerId), offered(providerId))
                .map(rates -> rates.stream()
                        .filter(r -> r.validOn(day) && r.costsWeeks())
                        .sorted(NEWEST_FIRST)
                        .findFirst())
                .flatMap(Optional::stream)
                .findFirst();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public List<Rate> agreed(UUID providerId) {
        return AgreedRate.<AgreedRate>list("providerId = ?1 order by validFrom, enteredAt", providerId).stream()
                .map(AgreedRate::rate)
                .toList();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public List<Rate> offered(UUID providerId) {
        FinanceProvider provider = FinanceProvider.findById(providerId);
        if (provider == null || provider.rates == null) {
            return List.of();
        }
        return provider.rates.stream()
                .map(r -> new Rate(r.unit(), r.amount(), r.validFrom(), r.validTo(), Rate.Source.REGISTRY))
                .toList();
    }
}
