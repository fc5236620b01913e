package uk.gov.bristol.alp.registry.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.gov.bristol.alp.platform.security.Roles;
import uk.gov.bristol.alp.platform.web.PageResult;
import uk.gov.bristol.alp.registry.domain.EvidenceSubmission;
import uk.gov.bristol.alp.registry.rest.ProviderEvidenceResource.SubmissionView;
import uk.gov.bristol.alp.registry.service.ProviderEvidence;

/** The registry's queue of evidence to review, across providers. */
@Path("/api/v1/provider-evidence")
@Tag(name = "Provider evidence", description = "Compliance evidence files and their review by the registry")
@Produces(MediaType.APPLICATION_JSON)
public class EvidenceQueueResource {
    private final ProviderEvidence evidence;

    public EvidenceQueueResource(ProviderEvidence evidence) {
        this.evidence = evidence;
    }

    @GET
    @RolesAllowed({Roles.REGISTRY_OFFICER, Roles.AUDITOR})
    @Operation(summary = "Evidence files by review status (waiting ones by default), oldest first; paged")
    public PageResult<SubmissionView> list(
            @QueryParam("status") EvidenceSubmission.Status status,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(PageResult.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return PageResult.of(evidence.queue(status, page, size), page, size, SubmissionView::of);
    }
}
