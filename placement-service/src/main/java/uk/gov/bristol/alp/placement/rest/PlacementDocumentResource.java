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
import java.time.LocalDate;
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
import uk.gov.bristol.alp.placement.service.PlacementDocuments;
import uk.gov.bristol.alp.platform.document.DocumentView;
import uk.gov.bristol.alp.platform.document.Documents;
import uk.gov.bristol.alp.platform.problem.ProblemException;
import uk.gov.bristol.alp.platform.security.Roles;

/** Files attached to a placement: risk assessments, EHC plan extracts, transition plans. */
@Path("/api/v1/placements/{id}/documents")
@Tag(name = "Placement documents", description = "Files attached to a placement, for those who may see it")
public class PlacementDocumentResource {
    private final PlacementDocuments documents;

    public PlacementDocumentResource(PlacementDocuments documents) {
        this.documents = documents;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SCHOOL_STAFF, Roles.PROVIDER_STAFF, Roles.HUB_OFFICER, Roles.SEND_OFFICER})
    @Operation(
            summary = "Attach a file to a placement (multipart: file, kind, expiresOn): PDF, DOCX, ODT, PNG or JPEG as "
                    + "read from its bytes, within the size limit; its SHA-256 is kept (audited)")
    @APIResponseSchema(
            value = DocumentView.class,
            responseCode = "201",
            responseDescription = "Created: Location names the new record")
    public Response attach(
            @PathParam("id") UUID id,
            @RestForm("file") FileUpload file,
            @RestForm("kind") PlacementDocuments.Kind kind,
            @RestForm("expiresOn") LocalDate expiresOn,
            @Context UriInfo uri) {
        if (kind == null) {
            throw ProblemException.invalid("kind", "required", "say what the document is");
        }
        var stored = documents.attach(id, kind, Documents.Upload.of(file), expiresOn);
        return DocumentView.created(stored, uri);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Authenticated
    @Operation(summary = "The placement's documents: what each is, never its bytes")
    public List<DocumentView> list(@PathParam("id") UUID id) {
        return documents.of(id).stream().map(DocumentView::of).toList();
    }

    @GET
    @Path("{documentId}/content")
    @Produces(MediaType.WILDCARD)
    @Authenticated
    @Operation(summary = "Download a document of the placement, with its SHA-256 in Repr-Digest (audited)")
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
