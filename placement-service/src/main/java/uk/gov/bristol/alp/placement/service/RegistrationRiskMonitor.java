package uk.gov.bristol.alp.placement.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import uk.gov.bristol.alp.placement.config.PlacementConfig;

/**
 * The registration-risk monitor (Education Act 1996 s463, DOMAIN.md): live, every unregistered provider giving
 * full-time education (a pupil's confirmed or active placements there adding up to the threshold or more) to 5 or
 * more pupils, or to any pupil with an EHC plan or in care. Such a setting must register as an independent school.
 * Counts only: the pupils are ids, for the Hub to follow up.
 */
@ApplicationScoped
public class RegistrationRiskMonitor {
    static final int PUPILS_THAT_REQUIRE_REGISTRATION = 5;

    private static final String FULL_TIME_PUPILS = """
            select pl.provider_id, v.name, pl.pupil_id, sum(pl.hours_per_week), bool_or(pu.sen_provision = 'E'),
                   bool_or(pu.looked_after)
            from placement pl
            join provider_view v on v.provider_id = pl.provider_id
            join pupil pu on pu.id = pl.pupil_id
            where v.registration_status = 'UNREGISTERED' and pl.status in ('CONFIRMED', 'ACTIVE')
            group by pl.provider_id, v.name, pl.pupil_id
            having sum(pl.hours_per_week) >= ?1""";

    private final EntityManager em;
    private final BigDecimal threshold;

    public RegistrationRiskMonitor(EntityManager em, PlacementConfig config) {
        this.em = em;
        this.threshold = config.fullTimeHoursThreshold();
    }

    @Transactional
    public List<ProviderAtRisk> providersAtRisk() {
        List<Object[]> rows = em.createNativeQuery(FULL_TIME_PUPILS, Object[].class).setParameter(1, threshold)
                .getResultList();
        Map<UUID, String> names = new LinkedHashMap<>();
        Map<UUID, List<FullTimePupil>> pupils = new LinkedHashMap<>();
        for (Object[] r : rows) {
            UUID provider = (UUID) r[0];
            names.put(provider, (String) r[1]);
            pupils.computeIfAbsent(provider, p -> new ArrayList<>())
                    .add(new FullTimePupil((UUID) r[2], (BigDecimal) r[3], (Boolean) r[4], (Boolean) r[5]));
        }
        return pupils.entrySet().stream().map(e -> ProviderAtRisk.of(e.getKey(), names.get(e.getKey()), e.getValue()))
                .filter(ProviderAtRisk::mustRegister)
                .sorted(Comparator.comparing(ProviderAtRisk::fullTimePupilCount).reversed()).toList();
    }

    public record FullTimePupil(UUID pupilId, BigDecimal hoursPerWeek, boolean ehcPlan, boolean lookedAfter) {
    }

    public record ProviderAtRisk(UUID providerId, String name, int fullTimePupilCount,
            List<FullTimePupil> fullTimePupils, boolean mustRegister, List<String> reasons) {
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
