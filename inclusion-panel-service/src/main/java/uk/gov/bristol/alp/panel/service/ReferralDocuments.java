package uk.gov.bristol.alp.panel.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import uk.gov.bristol.alp.panel.domain.PanelRules;
import uk.gov.bristol.alp.panel.domain.Referral;
import uk.gov.bristol.alp.platform.document.Documents;
import uk.gov.bristol.alp.platform.document.StoredDocument;
import uk.gov.bristol.alp.platform.problem.ProblemException;
import uk.gov.bristol.alp.platform.security.Caller;

/**
 * Files attached to a referral (reports, plans, the evidence behind it): attached by its school or the Hub until the
 * panel decides it, read by whoever may read the referral (the panel members whose agenda carries it, not others).
 */
@ApplicationScoped
public class ReferralDocuments {
    /** The owner type referral documents are stored under. */
    public static final String OWNER = "referral";

    public enum Kind {
        REFERRAL_ATTACHMENT,
        EHC_PLAN_EXTRACT,
        SCHOOL_REPORT,
        HEALTH_REPORT,
        OTHER
    }

    private final Documents documents;
    private final ReferralService referrals;
    private final Caller caller;

    public ReferralDocuments(Documents documents, ReferralService referrals, Caller caller) {
        this.documents = documents;
        this.referrals = referrals;
        this.caller = caller;
    }

    @Transactional
    public StoredDocument attach(UUID referralId, Kind kind, Documents.Upload upload) {
        Referral r = referrals.visibleForUpdate(referralId);
        caller.requireSchool(r.schoolUrn, "referral", referralId);
        if (r.status == Referral.Status.DECIDED) {
            throw new ProblemException(PanelRules.REFERRAL_STATUS, "the panel has decided the referral");
        }
        return documents.store(OWNER, r.id, kind.name(), upload, null, caller.username());
    }

    @Transactional
    public List<StoredDocument> of(UUID referralId) {
        return documents.of(OWNER, referrals.visible(referralId).id);
    }

    @Transactional
    public Documents.Download download(UUID referralId, UUID documentId) {
        return documents.download(OWNER, referrals.visible(referralId).id, documentId);
    }
}
