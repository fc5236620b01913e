package uk.gov.bristol.alp.placement.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import uk.gov.bristol.alp.placement.config.PlacementConfig;
import uk.gov.bristol.alp.placement.domain.Placement;
import uk.gov.bristol.alp.placement.domain.ProviderView;
import uk.gov.bristol.alp.placement.domain.Pupil;
import uk.gov.bristol.alp.placement.domain.WeeklyHours;

/**
 * The registration-risk monitor (Education Act 1996 s463, {@code docs/domain-rules.md}): live, every unregistered
 * provider giving full-time education to 5 or more pupils, or to any pupil with an EHC plan or in care. A pupil is
 * full time there when their weekly hours there ({@link WeeklyHours}, the definition the commissioning check uses)
 * reach the threshold on any day from today on. Such a setting must register as an independent school. Counts
 * only: the pupils are ids, for the Hub to follow up.
 */
@ApplicationScoped
public class RegistrationRiskMonitor {
    static final int PUPILS_THAT_REQUIRE_REGISTRATION = 5;

    private final BigDecimal threshold;
    private final Clock clock;

    public RegistrationRiskMonitor(PlacementConfig config, Clock clock) {
        this.threshold = config.fullTimeHoursThreshold();
        this.clock = clock;
    }

    @Transactional
    public List<ProviderAtRisk> providersAtRisk() {
        LocalDate today = LocalDate.now(clock);
        Map<UUID, ProviderView> unregistered =
                ProviderView.allUnregistered().stream().collect(Collectors.toMap(v -> v.providerId, v -> v));
        if (unregistered.isEmpty()) {
            return List.of();
        }
        List<Placement> counted = Placement.<Placement>list(
                "providerId in ?1 and status in ?2 and plannedEndDate >= ?3 order by startDate",
                unregistered.keySet(),
                WeeklyHours.COUNTED,
                today);
        Map<UUID, Pupil> records =
                pupilsById(counted.stream().map(p -> p.pupilId).distinct().toList());
        // By child, as the commissioning rule counts (Placement.hoursAt): every school's record of a UPN together.
        Map<UUID, Map<String, List<Placement>>> byProviderAndChild = counted.stream()
                .collect(Collectors.groupingBy(
                        p -> p.providerId,
                        LinkedHashMap::new,
                        Collectors.groupingBy(
                                p -> records.get(p.pupilId).upn, LinkedHashMap::new, Collectors.toList())));
        List<ProviderAtRisk> atRisk = new ArrayList<>();
        byProviderAndChild.forEach((provider, children) -> {
            List<FullTimePupil> fullTime = new ArrayList<>();
            children.forEach((upn, placements) -> {
                BigDecimal hours = WeeklyHours.peak(placements, today, LocalDate.MAX);
                if (hours.compareTo(threshold) >= 0) {
                    List<Pupil> child = placements.stream()
                            .map(p -> records.get(p.pupilId))
                            .distinct()
                            .toList();
                    fullTime.add(new FullTimePupil(
                            child.get(0).id,
                            hours,
                            child.stream().anyMatch(Pupil::hasEhcPlan),
                            child.stream().anyMatch(c -> c.lookedAfter)));
                }
            });
            if (!fullTime.isEmpty()) {
                atRisk.add(ProviderAtRisk.of(provider, unregistered.get(provider).name, fullTime));
            }
        });
        return atRisk.stream()
                .filter(ProviderAtRisk::mustRegister)
                .sorted(Comparator.comparing(ProviderAtRisk::fullTimePupilCount).reversed())
                .toList();
    }

    private static Map<UUID, Pupil> pupilsById(List<UUID> ids) {
        return ids.isEmpty()
                ? Map.of()
                : Pupil.<Pupil>list("id in ?1", ids).stream().collect(Collectors.toMap(p -> p.id, p -> p));
    }

    public record FullTimePupil(UUID pupilId, BigDecimal hoursPerWeek, boolean ehcPlan, boolean lookedAfter) {}

    public record ProviderAtRisk(
            UUID providerId,
            String name,
            int fullTimePupilCount,
            List<FullTimePupil> fullTimePupils,
            boolean mustRegister,
            List<String> reasons) {
        static ProviderAtRisk of(UUID providerId, String name, List<FullTimePupil> pupils) {
            List<String> reasons = new ArrayList<>();
            if (pupils.size() >= PUPILS_THAT_REQUIRE_REGISTRATION) {
                reasons.add(pupils.size() + " pupils in full-time education (registration is required from "
                        + PUPILS_THAT_REQUIRE_REGISTRATION + ")");
            }
            if (pupils.stream().anyMatch(FullTimePupil::ehcPlan)) {
                reasons.add("a pupil with an EHC plan in full-time education");
            }
            if (pupils.stream().anyMatch(FullTimePupil::lookedAfter)) {
                reasons.add("a looked-after pupil in full-time education");
            }
            return new ProviderAtRisk(providerId, name, pupils.size(), pupils, !reasons.isEmpty(), reasons);
        }
    }
}
