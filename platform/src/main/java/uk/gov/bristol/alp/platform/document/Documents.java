package uk.gov.bristol.alp.platform.document;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import uk.gov.bristol.alp.platform.audit.AuditLog;
import uk.gov.bristol.alp.platform.problem.Problem.FieldError;
import uk.gov.bristol.alp.platform.problem.ProblemException;

/**
 * Files attached to a service's records, kept in the service's own database: size-limited, typed from their bytes,
 * fingerprinted (SHA-256), every upload and every download audited. Who may attach to or read a record is the owning
 * service's rule: it checks the caller against the record before it calls here, and names the record by owner type
 * and id, so a document is only ever found through the record it belongs to.
 */
@ApplicationScoped
public class Documents {
    private final EntityManager em;
    private final AuditLog audit;
    private final Clock clock;
    private final long maxBytes;

    public Documents(
            EntityManager em,
            AuditLog audit,
            Clock clock,
            @ConfigProperty(name = "alp.documents.max-bytes", defaultValue = "10485760") long maxBytes) {
        this.em = em;
        this.audit = audit;
        this.clock = clock;
        this.maxBytes = maxBytes;
    }

    /** A file received in a multipart upload: where the HTTP layer put it, its name and type as the client said. */
    public record Upload(Path file, String fileName, String declaredType, long size) {
        /** The form part as the REST layer received it; null when the request had none. */
        public static Upload of(FileUpload part) {
            return part == null
                    ? null
                    : new Upload(part.uploadedFile(), part.fileName(), part.contentType(), part.size());
        }
    }

    /** A document with its bytes, to send. */
    public record Download(StoredDocument document, byte[] content) {}

    @Transactional(Transactional.TxType.MANDATORY)
    public StoredDocument store(
            String ownerType, UUID ownerId, String kind, Upload upload, LocalDate expiresOn, String uploadedBy) {
        if (upload == null || upload.file() == null) {
            throw ProblemException.invalid("file", "required", "attach the file as the form part \"file\"");
        }
        if (upload.size() > maxBytes) {
            throw new ProblemException(
                    DocumentRules.TOO_LARGE,
                    "the file is " + upload.size() + " bytes; the limit is " + maxBytes,
                    List.of(new FieldError("file", "maxBytes", "at most " + maxBytes + " bytes")));
        }
        if (upload.size() == 0) {
            throw ProblemException.invalid("file", "notEmpty", "the file is empty");
        }
        String name = FileNames.safe(upload.fileName());
        String type = ContentTypes.require(upload.file(), name, upload.declaredType());
        byte[] content = read(upload.file());
        StoredDocument d = new StoredDocument();
        d.id = UUID.randomUUID();
        d.ownerType = ownerType;
        d.ownerId = ownerId;
        d.kind = kind;
        d.fileName = name;
        d.contentType = type;
        d.sizeBytes = content.length;
        d.sha256 = sha256(content);
        d.expiresOn = expiresOn;
        d.uploadedBy = uploadedBy;
        d.uploadedAt = OffsetDateTime.now(clock);
        d.persist();
        em.flush();
        em.createNativeQuery("insert into document_content (document_id, content) values (?1, ?2)")
                .setParameter(1, d.id)
                .setParameter(2, content)
                .executeUpdate();
        audit.record(
                AuditLog.Action.CREATE,
                "document",
                d.id,
                kind + " for " + ownerType + " " + ownerId + ", " + type + ", " + d.sizeBytes + " bytes");
        return d;
    }

    /** The record's documents (what they are, never their bytes), oldest first. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<StoredDocument> of(String ownerType, UUID ownerId) {
        return StoredDocument.of(ownerType, ownerId);
    }

    /** One of the record's documents with its bytes; the download is audited. Not the record's: not found. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Download download(String ownerType, UUID ownerId, UUID id) {
        StoredDocument d = StoredDocument.findById(id);
        if (d == null || !d.ownerType.equals(ownerType) || !d.ownerId.equals(ownerId)) {
            throw ProblemException.notFound("document", id);
        }
        byte[] content = (byte[]) em.createNativeQuery("select content from document_content where document_id = ?1")
                .setParameter(1, id)
                .getSingleResult();
        audit.record(AuditLog.Action.READ, "document", id, d.kind + " of " + ownerType + " " + ownerId);
        return new Download(d, content);
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("reading an uploaded file", e);
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
