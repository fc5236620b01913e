package uk.gov.bristol.alp.placement.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import uk.gov.bristol.alp.placement.domain.Carer;
import uk.gov.bristol.alp.placement.domain.NeedToKnow;
import uk.gov.bristol.alp.placement.domain.Placement;
import uk.gov.bristol.alp.placement.domain.PlacementRules;
import uk.gov.bristol.alp.placement.domain.Pupil;
import uk.gov.bristol.alp.platform.audit.AuditLog;
import uk.gov.bristol.alp.platform.codes.SenProvision;
import uk.gov.bristol.alp.platform.problem.ProblemException;
import uk.gov.bristol.alp.platform.security.Caller;
import uk.gov.bristol.alp.platform.web.Versions;

/**
 * What a provider must know to keep a pupil safe (docs/domain-rules.md, "Need to know"): written by the pupil's
 * school or the Hub; read by the placement's provider (its needs and risks while it is offered, and the family's
 * emergency contacts too once it is confirmed), by the school and by authority staff. Every read is audited.
 */
@ApplicationScoped
public class PlacementNeedToKnow {
    private final Caller caller;
    private final AuditLog audit;

    public PlacementNeedToKnow(Caller caller, AuditLog audit) {
        this.caller = caller;
        this.audit = audit;
    }

    @Transactional
    public Placement write(UUID placementId, String ifMatch, NeedToKnow needToKnow) {
        Placement p = Placement.findVisible(placementId, caller);
        caller.requireSchool(p.schoolUrn, "placement", placementId);
        if (p.status == Placement.Status.ENDED || p.status == Placement.Status.CANCELLED) {
            throw new ProblemException(PlacementRules.PLACEMENT_NOT_RUNNING, "the placement is " + p.status);
        }
        Versions.requireIfMatch(ifMatch, p.version);
        p.needToKnow = needToKnow;
        audit.record(AuditLog.Action.UPDATE, "placement-need-to-know", p.id);
        Placement.getEntityManager().flush();
        return p;
    }

    @Transactional
    public View read(UUID placementId) {
        Placement p = Placement.findVisible(placementId, caller);
        boolean providerOnly = !caller.canSeeSchool(p.schoolUrn);
        boolean contacts = true;
        if (providerOnly) {
            switch (p.status) {
                case CONFIRMED, ACTIVE -> contacts = true;
                case PROPOSED -> contacts = false;
                default ->
                    throw new ProblemException(
                            PlacementRules.PLACEMENT_NOT_RUNNING,
                            "the placement is " + p.status + ": its provider no longer reads the pupil's details");
            }
        }
        Pupil pupil = Pupil.findById(p.pupilId);
        audit.record(
                AuditLog.Action.READ,
                "placement-need-to-know",
                p.id,
                contacts ? "with the family's emergency contacts" : "needs and risks only (proposal)");
        return new View(
                p.id,
                pupil.firstName,
                pupil.lastName,
                pupil.dateOfBirth,
                pupil.senProvision,
                pupil.hasEhcPlan(),
                pupil.lookedAfter,
                p.needToKnow,
                contacts ? pupil.carers.stream().map(EmergencyContact::of).toList() : List.of(),
                p.version);
    }

    /** A parent or carer as the provider needs them in an emergency. */
    public record EmergencyContact(
            String name,
            Carer.Relationship relationship,
            boolean parentalResponsibility,
            String phone,
            String email,
            Carer.ContactPreference preferredContact,
            String contactNotes) {
        static EmergencyContact of(Carer c) {
            return new EmergencyContact(
                    c.name(),
                    c.relationship(),
                    c.parentalResponsibility(),
                    c.phone(),
                    c.email(),
                    c.preferredContact(),
                    c.contactNotes());
        }
    }

    /** {@code emergencyContacts} is empty while the placement is only proposed to the provider. */
    public record View(
            UUID placementId,
            String firstName,
            String lastName,
            LocalDate dateOfBirth,
            SenProvision senProvision,
            boolean ehcPlan,
            boolean lookedAfter,
            NeedToKnow needToKnow,
            List<EmergencyContact> emergencyContacts,
            long version) {}
}
