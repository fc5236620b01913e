package uk.gov.bristol.alp.panel.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import uk.gov.bristol.alp.panel.service.ReferralDocuments;
import uk.gov.bristol.alp.platform.document.DocumentView;
import uk.gov.bristol.alp.platform.document.Documents;
import uk.gov.bristol.alp.platform.problem.ProblemException;
import uk.gov.bristol.alp.platform.security.Roles;

/** Files attached to a referral. */
@Path("/api/v1/referrals/{id}/documents")
@Tag(name = "Referral documents", description = "Files attached to a referral, for those who may read it")
public class ReferralDocumentResource {
    private final ReferralDocuments documents;

    public ReferralDocumentResource(ReferralDocuments documents) {
        this.documents = documents;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SCHOOL_STAFF, Roles.HUB_OFFICER})
    @Operation(
            summary = "Attach a file to a referral until the panel decides it (multipart: file, kind): PDF, DOCX, "
                    + "ODT, PNG or JPEG as read from its bytes, within the size limit (audited)")
    @APIResponseSchema(
            value = DocumentView.class,
            responseCode = "201",
            responseDescription = "Created: Location names the new record")
    public Response attach(
            @PathParam("id") UUID id,
            @RestForm("file") FileUpload file,
            @RestForm("kind") ReferralDocuments.Kind kind,
            @Context UriInfo uri) {
        if (kind == null) {
            throw ProblemException.invalid("kind", "required", "say what the document is");
        }
        var stored = documents.attach(id, kind, Documents.Upload.of(file));
        return DocumentView.created(stored, uri);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Authenticated
    @Operation(summary = "The referral's documents: what each is, never its bytes")
    public List<DocumentView> list(@PathParam("id") UUID id) {
        return documents.of(id).stream().map(DocumentView::of).toList();
    }

    @GET
    @Path("{documentId}/content")
    @Produces(MediaType.WILDCARD)
    @Authenticated
    @Operation(summary = "Download a document of the referral, with its SHA-256 in Repr-Digest (audited)")
    @APIResponse(
            responseCode = "200",
            description = "The file as sent, with its SHA-256 in Repr-Digest",
            content =
                    @Content(
                            mediaType = "application/octet-stream",
                            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response download(@PathParam("id") UUID id, @PathParam("documentId") UUID documentId) {
        return DocumentView.download(documents.download(id, documentId));
    }
}
