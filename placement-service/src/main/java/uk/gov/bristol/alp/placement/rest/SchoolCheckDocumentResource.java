package uk.gov.bristol.alp.placement.rest;

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
import uk.gov.bristol.alp.placement.service.SchoolCheckDocuments;
import uk.gov.bristol.alp.platform.document.DocumentView;
import uk.gov.bristol.alp.platform.document.Documents;
import uk.gov.bristol.alp.platform.security.Roles;

/** The evidence files behind a school's own check of a provider. */
@Path("/api/v1/compliance/school-checks/{id}/documents")
@Tag(name = "School checks", description = "A school's own checks of a provider")
public class SchoolCheckDocumentResource {
    private final SchoolCheckDocuments documents;

    public SchoolCheckDocumentResource(SchoolCheckDocuments documents) {
        this.documents = documents;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SCHOOL_STAFF)
    @Operation(
            summary = "Attach the evidence behind the school's own check (multipart: file): PDF, DOCX, ODT, PNG or "
                    + "JPEG as read from its bytes; dated by the check's expiry (audited)")
    @APIResponseSchema(
            value = DocumentView.class,
            responseCode = "201",
            responseDescription = "Created: Location names the new record")
    public Response attach(@PathParam("id") UUID id, @RestForm("file") FileUpload file, @Context UriInfo uri) {
        var stored = documents.attach(id, Documents.Upload.of(file));
        return DocumentView.created(stored, uri);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Authenticated
    @Operation(summary = "The check's evidence files (the school and authority staff)")
    public List<DocumentView> list(@PathParam("id") UUID id) {
        return documents.of(id).stream().map(DocumentView::of).toList();
    }

    @GET
    @Path("{documentId}/content")
    @Produces(MediaType.WILDCARD)
    @Authenticated
    @Operation(summary = "Download an evidence file of the check, with its SHA-256 in Repr-Digest (audited)")
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
