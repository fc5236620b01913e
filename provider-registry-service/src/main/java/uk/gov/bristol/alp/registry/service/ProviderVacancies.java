package uk.gov.bristol.alp.registry.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import uk.gov.bristol.alp.platform.audit.AuditLog;
import uk.gov.bristol.alp.platform.problem.Problem.FieldError;
import uk.gov.bristol.alp.platform.problem.ProblemException;
import uk.gov.bristol.alp.platform.problem.ProblemType;
import uk.gov.bristol.alp.platform.security.Caller;
import uk.gov.bristol.alp.platform.security.Roles;
import uk.gov.bristol.alp.registry.domain.FrameworkStatus;
import uk.gov.bristol.alp.registry.domain.KeyStage;
import uk.gov.bristol.alp.registry.domain.Provider;
import uk.gov.bristol.alp.registry.domain.ProviderVacancy;
import uk.gov.bristol.alp.registry.domain.RegistryRules;
import uk.gov.bristol.alp.registry.domain.Specialism;

/**
 * A provider's places and vacancies by specialism and key stage (docs/domain-rules.md, "Capacity and vacancies"):
 * replaced as a whole by the provider itself or the registry; every one is a specialism and key stage the provider
 * offers, vacancies never exceed places, and places together never exceed its capacity.
 */
@ApplicationScoped
public class ProviderVacancies {
    private final Caller caller;
    private final AuditLog audit;
    private final Clock clock;

    public ProviderVacancies(Caller caller, AuditLog audit, Clock clock) {
        this.caller = caller;
        this.audit = audit;
        this.clock = clock;
    }

    public record Vacancy(Specialism specialism, KeyStage keyStage, int places, int vacancies) {}

    /** A vacancy with whose it is, for commissioners looking across providers. */
    public record Open(UUID providerId, String providerName, ProviderVacancy vacancy) {}

    @Transactional
    public List<ProviderVacancy> of(UUID providerId) {
        if (Provider.findById(providerId) == null) {
            throw ProblemException.notFound("provider", providerId);
        }
        return ProviderVacancy.of(providerId);
    }

    @Transactional
    public List<ProviderVacancy> replace(UUID providerId, List<Vacancy> vacancies) {
        Provider p = Provider.findById(providerId, LockModeType.PESSIMISTIC_WRITE);
        if (p == null || !(caller.actsForProvider(providerId.toString()) || caller.hasRole(Roles.REGISTRY_OFFICER))) {
            throw ProblemException.notFound("provider", providerId);
        }
        requireConsistent(p, vacancies);
        ProviderVacancy.delete("providerId", providerId);
        ProviderVacancy.getEntityManager().flush();
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (Vacancy v : vacancies) {
            ProviderVacancy row = new ProviderVacancy();
            row.id = UUID.randomUUID();
            row.providerId = providerId;
            row.specialism = v.specialism();
            row.keyStage = v.keyStage();
            row.places = v.places();
            row.vacancies = v.vacancies();
            row.updatedBy = caller.username();
            row.updatedAt = now;
            row.persist();
        }
        p.updatedAt = now;
        audit.record(
                AuditLog.Action.UPDATE,
                "provider",
                p.id,
                "vacancies: " + vacancies.stream().mapToInt(Vacancy::vacancies).sum() + " of "
                        + vacancies.stream().mapToInt(Vacancy::places).sum() + " places");
        return ProviderVacancy.of(providerId);
    }

    /** Approved providers' vacancies (more than none), by specialism and key stage if given, most first. */
    @Transactional
    public List<Open> open(Specialism specialism, KeyStage keyStage) {
        if (!caller.isAuthorityWide()
                && !caller.hasRole(Roles.REGISTRY_OFFICER)
                && !caller.hasRole(Roles.SCHOOL_STAFF)
                && !caller.hasRole(Roles.PARTNER_AUTHORITY)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "vacancies are for commissioners");
        }
        StringBuilder where = new StringBuilder(
                "select v, p.name from ProviderVacancy v, Provider p where p.id = v.providerId and v.vacancies > 0 "
                        + "and p.frameworkStatus = :approved");
        if (specialism != null) {
            where.append(" and v.specialism = :specialism");
        }
        if (keyStage != null) {
            where.append(" and v.keyStage = :keyStage");
        }
        var query = ProviderVacancy.getEntityManager()
                .createQuery(where + " order by v.vacancies desc, p.name", Object[].class)
                .setParameter("approved", FrameworkStatus.APPROVED);
        if (specialism != null) {
            query.setParameter("specialism", specialism);
        }
        if (keyStage != null) {
            query.setParameter("keyStage", keyStage);
        }
        return query.getResultList().stream()
                .map(r -> new Open(((ProviderVacancy) r[0]).providerId, (String) r[1], (ProviderVacancy) r[0]))
                .toList();
    }

    private static void requireConsistent(Provider p, List<Vacancy> vacancies) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> offered = new HashSet<>(Arrays.asList(p.specialisms));
        Set<String> stages = new HashSet<>(Arrays.asList(p.keyStages));
        Set<String> seen = new HashSet<>();
        int places = 0;
        for (int i = 0; i < vacancies.size(); i++) {
            Vacancy v = vacancies.get(i);
            String at = "vacancies[" + i + "]";
            if (!offered.contains(v.specialism().name())) {
                errors.add(
                        new FieldError(at + ".specialism", "offered", "the provider does not offer " + v.specialism()));
            }
            if (!stages.contains(v.keyStage().name())) {
                errors.add(new FieldError(at + ".keyStage", "offered", "the provider does not teach " + v.keyStage()));
            }
            if (v.vacancies() > v.places()) {
                errors.add(new FieldError(at + ".vacancies", "atMostPlaces", "more vacancies than places"));
            }
            if (!seen.add(v.specialism() + "/" + v.keyStage())) {
                errors.add(new FieldError(at, "unique", v.specialism() + " at " + v.keyStage() + " given twice"));
            }
            places += v.places();
        }
        if (p.capacity != null && places > p.capacity) {
            errors.add(new FieldError(
                    "vacancies", "withinCapacity", places + " places are more than the capacity of " + p.capacity));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(RegistryRules.PROVIDER_DETAILS, "the vacancies do not fit the offer", errors);
        }
    }
}
