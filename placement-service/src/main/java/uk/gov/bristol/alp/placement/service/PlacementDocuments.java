package uk.gov.bristol.alp.placement.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import uk.gov.bristol.alp.placement.domain.Placement;
import uk.gov.bristol.alp.platform.document.Documents;
import uk.gov.bristol.alp.platform.document.StoredDocument;
import uk.gov.bristol.alp.platform.security.Caller;

/**
 * Files attached to a placement (its risk assessment, an EHC plan extract, its transition plan): attached and read by
 * whoever may see the placement (its school, its provider, authority staff), and by nobody else.
 */
@ApplicationScoped
public class PlacementDocuments {
    /** The owner type placement documents are stored under. */
    public static final String OWNER = "placement";

    public enum Kind {
        RISK_ASSESSMENT,
        EHC_PLAN_EXTRACT,
        TRANSITION_PLAN,
        LEARNING_PLAN,
        OTHER
    }

    private final Documents documents;
    private final Caller caller;

    public PlacementDocuments(Documents documents, Caller caller) {
        this.documents = documents;
        this.caller = caller;
    }

    @Transactional
    public StoredDocument attach(UUID placementId, Kind kind, Documents.Upload upload, LocalDate expiresOn) {
        Placement p = Placement.findVisible(placementId, caller);
        return documents.store(OWNER, p.id, kind.name(), upload, expiresOn, caller.username());
    }

    @Transactional
    public List<StoredDocument> of(UUID placementId) {
        Placement p = Placement.findVisible(placementId, caller);
        return documents.of(OWNER, p.id);
    }

    @Transactional
    public Documents.Download download(UUID placementId, UUID documentId) {
        Placement p = Placement.findVisible(placementId, caller);
        return documents.download(OWNER, p.id, documentId);
    }
}
