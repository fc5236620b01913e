package uk.gov.bristol.alp.placement.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import uk.gov.bristol.alp.placement.domain.SchoolCheck;
import uk.gov.bristol.alp.platform.document.Documents;
import uk.gov.bristol.alp.platform.document.StoredDocument;
import uk.gov.bristol.alp.platform.problem.ProblemException;
import uk.gov.bristol.alp.platform.security.Caller;
import uk.gov.bristol.alp.platform.security.Roles;

/**
 * The evidence behind a school's own check of a provider (a DBS certificate seen, an insurance schedule): attached by
 * the school that made the check, read by that school and authority staff. Dated by the check's expiry.
 */
@ApplicationScoped
public class SchoolCheckDocuments {
    /** The owner type school check documents are stored under. */
    public static final String OWNER = "school-check";

    private final Documents documents;
    private final Caller caller;

    public SchoolCheckDocuments(Documents documents, Caller caller) {
        this.documents = documents;
        this.caller = caller;
    }

    @Transactional
    public StoredDocument attach(UUID checkId, Documents.Upload upload) {
        SchoolCheck check = visible(checkId);
        if (!caller.hasRole(Roles.SCHOOL_STAFF) || !check.schoolUrn.equals(caller.ownSchoolUrn())) {
            throw ProblemException.notFound("school check", checkId);
        }
        return documents.store(OWNER, check.id, check.kind.name(), upload, check.expiresOn, caller.username());
    }

    @Transactional
    public List<StoredDocument> of(UUID checkId) {
        return documents.of(OWNER, visible(checkId).id);
    }

    @Transactional
    public Documents.Download download(UUID checkId, UUID documentId) {
        return documents.download(OWNER, visible(checkId).id, documentId);
    }

    private SchoolCheck visible(UUID checkId) {
        SchoolCheck check = SchoolCheck.findById(checkId);
        if (check == null || !caller.canSeeSchool(check.schoolUrn)) {
            throw ProblemException.notFound("school check", checkId);
        }
        return check;
    }
}
