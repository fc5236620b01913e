package uk.gov.bristol.alp.platform.document;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What a stored file is and whose: its bytes are kept apart ({@code document_content}), read only to download. */
@Entity
@Table(name = "document")
public class StoredDocument extends PanacheEntityBase {
    @Id
    public UUID id;

    /** The kind of record it belongs to, e.g. {@code placement}; with {@link #ownerId}, the record. */
    @Column(name = "owner_type")
    public String ownerType;

    @Column(name = "owner_id")
    public UUID ownerId;

    /** What the document is, in the owning service's words (a risk assessment, a DBS certificate). */
    public String kind;

    @Column(name = "file_name")
    public String fileName;

    /** Detected from the bytes, never taken from the client. */
    @Column(name = "content_type")
    public String contentType;

    @Column(name = "size_bytes")
    public long sizeBytes;

    /** Hex SHA-256 of the bytes, so a download can be checked against what was uploaded. */
    public String sha256;

    /** When dated evidence stops being good (a certificate's expiry, a risk assessment's review date). */
    @Column(name = "expires_on")
    public LocalDate expiresOn;

    @Column(name = "uploaded_by")
    public String uploadedBy;

    @Column(name = "uploaded_at")
    public OffsetDateTime uploadedAt;

    public static List<StoredDocument> of(String ownerType, UUID ownerId) {
        return list("ownerType = ?1 and ownerId = ?2 order by uploadedAt, id", ownerType, ownerId);
    }
}
