package uk.gov.bristol.alp.registry.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.hibernate.jpa.HibernateHints;
import uk.gov.bristol.alp.platform.announce.AnnounceOnce;
import uk.gov.bristol.alp.platform.audit.AuditLog;
import uk.gov.bristol.alp.platform.codes.ApSettingType;
import uk.gov.bristol.alp.platform.codes.CheckKind;
import uk.gov.bristol.alp.platform.event.EventTypes;
import uk.gov.bristol.alp.platform.problem.Problem;
import uk.gov.bristol.alp.platform.problem.ProblemException;
import uk.gov.bristol.alp.platform.query.Criteria;
import uk.gov.bristol.alp.platform.query.Page;
import uk.gov.bristol.alp.platform.web.Versions;
import uk.gov.bristol.alp.registry.domain.Authority;
import uk.gov.bristol.alp.registry.domain.CheckOutcome;
import uk.gov.bristol.alp.registry.domain.Compliance;
import uk.gov.bristol.alp.registry.domain.FrameworkStatus;
import uk.gov.bristol.alp.registry.domain.Provider;
import uk.gov.bristol.alp.registry.domain.ProviderCheck;
import uk.gov.bristol.alp.registry.domain.ProviderDetails;
import uk.gov.bristol.alp.registry.domain.RegistrationStatus;
import uk.gov.bristol.alp.registry.domain.RegistryRules;

/** Use cases of the framework: register, record a check, approve, suspend, read. */
@ApplicationScoped
public class ProviderService {
    private final ProviderEvents events;
    private final AuditLog audit;
    private final AnnounceOnce announcements;
    private final Clock clock;

    public ProviderService(ProviderEvents events, AuditLog audit, AnnounceOnce announcements, Clock clock) {
        this.events = events;
        this.announcements = announcements;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Provider register(NewProvider request, ProviderDetails details, Authority actingFor) {
        refuseDuplicate("ukprn", request.ukprn());
        refuseDuplicate("urn", request.urn());
        Provider provider = Provider.apply(
                request.name(),
                request.ukprn(),
                request.urn(),
                request.settingType(),
                request.registrationStatus(),
                request.leadAuthority(),
                now());
        provider.describe(details, now());
        provider.persist();
        audit.record(
                AuditLog.Action.CREATE,
                "provider",
                provider.id,
                "registered for " + actingFor.code()
                        + ": " + provider.name + " (UKPRN " + provider.ukprn + ", URN " + provider.urn + ", "
                        + provider.registrationStatus + ", lead " + provider.leadAuthority.code() + ")");
        events.publish(EventTypes.PROVIDER_REGISTERED, provider, compliance(provider.id));
        return provider;
    }

    @Transactional
    public ProviderCheck recordCheck(UUID providerId, NewCheck request, Authority authority, String officer) {
        Provider provider = find(providerId);
        ProviderCheck check = new ProviderCheck();
        check.id = UUID.randomUUID();
        check.providerId = provider.id;
        check.kind = request.kind();
        check.outcome = request.outcome();
        check.checkedOn = request.checkedOn();
        check.expiresOn = request.expiresOn();
        check.authority = authority;
        check.officer = officer;
        check.evidenceReference = request.evidenceReference();
        check.notes = request.notes();
        check.recordedAt = now();
        check.persist();
        provider.updatedAt = check.recordedAt;
        audit.record(
                AuditLog.Action.UPDATE,
                "provider",
                provider.id,
                "check recorded for " + authority.code()
                        + ": " + check.kind + " " + check.outcome + " on " + check.checkedOn
                        + (check.expiresOn == null ? "" : ", expires " + check.expiresOn)
                        + (check.evidenceReference == null ? "" : ", evidence " + check.evidenceReference));
        Compliance compliance = compliance(provider.id);
        events.publish(EventTypes.PROVIDER_CHECK_RECORDED, provider, compliance);
        publishIfLapsed(provider, compliance);
        return check;
    }

    @Transactional
    public Provider approve(UUID providerId, String reason, String ifMatch, Authority actingFor) {
        return transition(
                providerId,
                ifMatch,
                reason,
                actingFor,
                EventTypes.PROVIDER_APPROVED,
                (p, c) -> p.approve(c, reason, now()));
    }

    /** Replaces the details; If-Match is required, since a client replaces what it read. */
    @Transactional
    public Provider updateDetails(UUID providerId, ProviderDetails details, String ifMatch, Authority actingFor) {
        Provider provider = find(providerId);
        Versions.requireIfMatch(ifMatch, provider.version);
        return describe(provider, details, "details changed by " + actingFor.code());
    }

    /**
     * Replaces a provider's details, audited as {@code how} with what changed, and publishes them (the caller has
     * checked the version it replaces).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Provider describe(Provider provider, ProviderDetails details, String how) {
        ProviderDetails before = provider.details();
        boolean ratesChanged = provider.describe(details, now());
        audit.record(
                AuditLog.Action.UPDATE,
                "provider",
                provider.id,
                how + ": " + ProviderDetailsDiff.between(before, details));
        Compliance compliance = compliance(provider.id);
        events.publish(EventTypes.PROVIDER_DETAILS_CHANGED, provider, compliance);
        if (ratesChanged) {
            events.publish(EventTypes.PROVIDER_RATES_CHANGED, provider, compliance);
        }
        return provider;
    }

    @Transactional
    public Provider suspend(UUID providerId, String reason, String ifMatch, Authority actingFor) {
        return transition(
                providerId,
                ifMatch,
                reason,
                actingFor,
                EventTypes.PROVIDER_SUSPENDED,
                (p, c) -> p.suspend(reason, now()));
    }

    @Transactional
    public Provider reinstate(UUID providerId, String reason, String ifMatch, Authority actingFor) {
        return transition(
                providerId,
                ifMatch,
                reason,
                actingFor,
                EventTypes.PROVIDER_REINSTATED,
                (p, c) -> p.reinstate(c, reason, now()));
    }

    @Transactional
    public Provider remove(UUID providerId, String reason, String ifMatch, Authority actingFor) {
        return transition(
                providerId, ifMatch, reason, actingFor, EventTypes.PROVIDER_REMOVED, (p, c) -> p.remove(reason, now()));
    }

    /** A framework status change: version check, the move, its audit row, the lapse flag, its event. */
    private Provider transition(
            UUID providerId,
            String ifMatch,
            String reason,
            Authority actingFor,
            String eventType,
            BiConsumer<Provider, Compliance> move) {
        Provider provider = find(providerId);
        Versions.checkIfMatch(ifMatch, provider.version);
        Compliance compliance = compliance(providerId);
        FrameworkStatus before = provider.frameworkStatus;
        move.accept(provider, compliance);
        auditStatus(provider, before, reason, actingFor);
        provider.noteCompliance(compliance);
        events.publish(eventType, provider, compliance);
        return provider;
    }

    @Transactional
    public ProviderRecord read(UUID providerId) {
        Provider provider = find(providerId);
        List<ProviderCheck> history = ProviderCheck.history(providerId);
        Compliance compliance = Compliance.on(
                today(), history.stream().map(ProviderCheck::record).toList());
        publishIfLapsed(provider, compliance);
        return new ProviderRecord(provider, history, compliance);
    }

    /**
     * The sweep: every approved provider not yet known to have lapsed, with any expired check, is checked;
     * each one whose evidence has expired is marked and published. Returns how many lapsed.
     */
    @Transactional
    public int sweepCompliance() {
        List<Provider> candidates = Provider.list("""
                from Provider p where p.frameworkStatus = ?1 and p.complianceLapsed = false
                and exists (from ProviderCheck c where c.providerId = p.id and c.expiresOn < ?2)""", FrameworkStatus.APPROVED, today());
        int lapsed = 0;
        for (Provider provider : candidates) {
            if (publishIfLapsed(provider, compliance(provider.id))) {
                lapsed++;
            }
        }
        return lapsed;
    }

    /**
     * Reminds of evidence about to expire: every approved, compliant provider whose earliest mandatory evidence
     * expires within {@code days} is announced once per expiry date. Returns how many were announced.
     */
    @Transactional
    public int remindExpiring(int days) {
        LocalDate today = today();
        List<Provider> candidates = Provider.list("""
                from Provider p where p.frameworkStatus = ?1 and p.complianceLapsed = false
                and exists (from ProviderCheck c where c.providerId = p.id and c.expiresOn between ?2 and ?3)""", FrameworkStatus.APPROVED, today, today.plusDays(days));
        int reminded = 0;
        for (Provider provider : candidates) {
            Compliance compliance = compliance(provider.id);
            LocalDate until = compliance.compliantUntil();
            if (compliance.compliant()
                    && until != null
                    && !until.isAfter(today.plusDays(days))
                    && announcements.firstTime("provider-evidence-expiring", provider.id, until, null)) {
                events.publish(EventTypes.PROVIDER_EVIDENCE_EXPIRING, provider, compliance);
                reminded++;
            }
        }
        return reminded;
    }

    private boolean publishIfLapsed(Provider provider, Compliance compliance) {
        if (provider.noteCompliance(compliance)) {
            provider.updatedAt = now();
            audit.record(
                    AuditLog.Action.UPDATE,
                    "provider",
                    provider.id,
                    "compliance lapsed (found by the system): "
                            + compliance.gaps().stream()
                                    .map(g -> g.kind() + " " + g.problem())
                                    .toList());
            events.publish(EventTypes.PROVIDER_COMPLIANCE_LAPSED, provider, compliance);
            return true;
        }
        return false;
    }

    /**
     * Providers matching the filters, by name or (for sync feeds) oldest change first. The page and the total
     * are two queries: one with a window count was measured 3x slower on broad searches (every match fetched
     * and sorted, where the page query stops after its rows). Loaded read-only: Hibernate then keeps no
     * snapshot of each provider's JSON details to dirty-check at commit.
     */
    @Transactional
    public Page<Provider> list(ProviderFilter filter, int page, int size) {
        Criteria criteria = filter.criteria();
        var query = Provider.<Provider>find(criteria.orderedBy(filter.orderBy()), criteria.parameters())
                .withHint(HibernateHints.HINT_READ_ONLY, true);
        return Page.of(query, page, size);
    }

    @Transactional
    public List<AuditLog.Entry> auditTrail(UUID providerId) {
        find(providerId);
        return audit.trail("provider", providerId);
    }

    private void auditStatus(Provider provider, FrameworkStatus before, String reason, Authority actingFor) {
        audit.record(
                AuditLog.Action.UPDATE,
                "provider",
                provider.id,
                "framework status " + before + " -> " + provider.frameworkStatus + " by " + actingFor.code()
                        + (reason == null ? "" : ": " + reason));
    }

    public Compliance compliance(UUID providerId) {
        return Compliance.on(
                today(),
                ProviderCheck.history(providerId).stream()
                        .map(ProviderCheck::record)
                        .toList());
    }

    private Provider find(UUID id) {
        Provider provider = Provider.findById(id);
        if (provider == null) {
            throw ProblemException.notFound("provider", id);
        }
        return provider;
    }

    private void refuseDuplicate(String field, String value) {
        if (value != null && Provider.count(field, value) > 0) {
            throw new ProblemException(
                    RegistryRules.DUPLICATE_IDENTIFIER,
                    field + " " + value + " is already registered",
                    List.of(new Problem.FieldError(field, "unique", "already registered to another provider")));
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    public record NewProvider(
            String name,
            String ukprn,
            String urn,
            ApSettingType settingType,
            RegistrationStatus registrationStatus,
            Authority leadAuthority) {}

    public record NewCheck(
            CheckKind kind,
            CheckOutcome outcome,
            LocalDate checkedOn,
            LocalDate expiresOn,
            String evidenceReference,
            String notes) {}

    public record ProviderRecord(Provider provider, List<ProviderCheck> checks, Compliance compliance) {}
}
