package uk.gov.bristol.alp.platform.document;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/** A document as the API shows it (never its bytes), and the answer that sends its bytes. */
public record DocumentView(
        UUID id,
        String kind,
        String fileName,
        String contentType,
        long sizeBytes,
        String sha256,
        LocalDate expiresOn,
        String uploadedBy,
        OffsetDateTime uploadedAt) {

    /** 201 Created for a document just attached: its view, and where its bytes are ({@code .../{id}/content}). */
    public static Response created(StoredDocument d, UriInfo uri) {
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(d.id.toString())
                        .path("content")
                        .build())
                .type(MediaType.APPLICATION_JSON)
                .entity(of(d))
                .build();
    }

    public static DocumentView of(StoredDocument d) {
        return new DocumentView(
                d.id,
                d.kind,
                d.fileName,
                d.contentType,
                d.sizeBytes,
                d.sha256,
                d.expiresOn,
                d.uploadedBy,
                d.uploadedAt);
    }

    /**
     * The bytes as an attachment, typed as detected at upload, never sniffed by the browser, with their digest
     * (RFC 9530 {@code Repr-Digest}) so the receiver can check them.
     */
    public static Response download(Documents.Download download) {
        StoredDocument d = download.document();
        String digest = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(d.sha256));
        return Response.ok(download.content(), d.contentType)
                .header("Content-Disposition", FileNames.contentDisposition(d.fileName))
                .header("X-Content-Type-Options", "nosniff")
                .header("Repr-Digest", "sha-256=:" + digest + ":")
                .build();
    }
}
