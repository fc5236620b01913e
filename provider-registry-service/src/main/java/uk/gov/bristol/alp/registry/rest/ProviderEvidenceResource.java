package uk.gov.bristol.alp.registry.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
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
import java.time.OffsetDateTime;
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
import uk.gov.bristol.alp.platform.codes.CheckKind;
import uk.gov.bristol.alp.platform.document.DocumentView;
import uk.gov.bristol.alp.platform.document.Documents;
import uk.gov.bristol.alp.platform.problem.ProblemException;
import uk.gov.bristol.alp.platform.security.Roles;
import uk.gov.bristol.alp.registry.domain.EvidenceSubmission;
import uk.gov.bristol.alp.registry.service.ActingAuthority;
import uk.gov.bristol.alp.registry.service.ProviderEvidence;

/** A provider's compliance evidence as files, and the registry's review of each. */
@Path("/api/v1/providers/{id}/evidence")
@Tag(name = "Provider evidence", description = "Compliance evidence files and their review by the registry")
public class ProviderEvidenceResource {
    private final ProviderEvidence evidence;
    private final ActingAuthority acting;

    public ProviderEvidenceResource(ProviderEvidence evidence, ActingAuthority acting) {
        this.evidence = evidence;
        this.acting = acting;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PROVIDER_STAFF, Roles.REGISTRY_OFFICER})
    @Operation(
            summary = "Send a file as evidence for a check (multipart: file, kind, expiresOn): the provider for "
                    + "itself, or a registry officer for it; it waits for the registry's review (audited)")
    @APIResponseSchema(
            value = SubmissionView.class,
            responseCode = "201",
            responseDescription = "Created: Location names the new record")
    public Response submit(
            @PathParam("id") UUID id,
            @RestForm("file") FileUpload file,
            @RestForm("kind") CheckKind kind,
            @RestForm("expiresOn") LocalDate expiresOn,
            @Context UriInfo uri) {
        if (kind == null) {
            throw ProblemException.invalid("kind", "required", "say which check the file is evidence for");
        }
        EvidenceSubmission s = evidence.submit(id, kind, Documents.Upload.of(file), expiresOn);
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(s.documentId.toString())
                        .path("content")
                        .build())
                .type(MediaType.APPLICATION_JSON)
                .entity(SubmissionView.of(s))
                .build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Authenticated
    @Operation(summary = "The provider's evidence files and their review (those who see its full record)")
    public List<SubmissionView> list(@PathParam("id") UUID id) {
        return evidence.of(id).stream().map(SubmissionView::of).toList();
    }

    @GET
    @Path("{documentId}/content")
    @Produces(MediaType.WILDCARD)
    @Authenticated
    @Operation(summary = "Download an evidence file, with its SHA-256 in Repr-Digest (audited)")
    @APIResponse(
            responseCode = "200",
            description = "The file as sent, with its SHA-256 in Repr-Digest",
            content =
                    @Content(
                            mediaType = "application/octet-stream",
                            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response download(@PathParam("id") UUID id, @PathParam("documentId") UUID documentId) {
        return DocumentView.download(evidence.download(id, documentId));
    }

    @POST
    @Path("{documentId}/accept")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.REGISTRY_OFFICER, Roles.PARTNER_AUTHORITY})
    @Operation(
            summary = "Accept the evidence: a passed check of its kind is recorded, dated as the document says, "
                    + "naming the document")
    public SubmissionView accept(
            @PathParam("id") UUID id, @PathParam("documentId") UUID documentId, @Valid @NotNull Accept body) {
        return SubmissionView.of(
                evidence.accept(id, documentId, body.checkedOn(), body.expiresOn(), body.note(), acting.current()));
    }

    @POST
    @Path("{documentId}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.REGISTRY_OFFICER, Roles.PARTNER_AUTHORITY})
    @Operation(summary = "Reject the evidence, saying why (the provider sends a new file)")
    public SubmissionView reject(
            @PathParam("id") UUID id, @PathParam("documentId") UUID documentId, @Valid @NotNull Reject body) {
        return SubmissionView.of(evidence.reject(id, documentId, body.reason().strip()));
    }

    public record Accept(
            @NotNull @PastOrPresent LocalDate checkedOn,
            LocalDate expiresOn,
            @Size(max = 4000) String note) {
        @AssertTrue(message = "expiresOn must be after checkedOn")
        @com.fasterxml.jackson.annotation.JsonIgnore
        public boolean isExpiryAfterCheck() {
            return expiresOn == null || checkedOn == null || expiresOn.isAfter(checkedOn);
        }
    }

    public record Reject(@NotBlank @Size(max = 4000) String reason) {}

    public record SubmissionView(
            UUID documentId,
            UUID providerId,
            CheckKind kind,
            EvidenceSubmission.Status status,
            String submittedBy,
            OffsetDateTime submittedAt,
            String reviewedBy,
            OffsetDateTime reviewedAt,
            String reviewNote,
            UUID checkId) {
        static SubmissionView of(EvidenceSubmission s) {
            return new SubmissionView(
                    s.documentId,
                    s.providerId,
                    s.kind,
                    s.status,
                    s.submittedBy,
                    s.submittedAt,
                    s.reviewedBy,
                    s.reviewedAt,
                    s.reviewNote,
                    s.checkId);
        }
    }
}
