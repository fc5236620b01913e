package uk.gov.bristol.alp.registry.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.gov.bristol.alp.platform.security.Roles;
import uk.gov.bristol.alp.registry.service.QualityAssuranceService;

/** The registry's QA attention list: visits and actions past their due dates, across providers. */
@Path("/api/v1/quality-assurance/attention")
@Tag(name = "Quality assurance", description = "QA visits to providers, their findings and actions")
@Produces(MediaType.APPLICATION_JSON)
public class QualityAssuranceAttentionResource {
    private final QualityAssuranceService qa;

    public QualityAssuranceAttentionResource(QualityAssuranceService qa) {
        this.qa = qa;
    }

    @GET
    @RolesAllowed({Roles.REGISTRY_OFFICER, Roles.HUB_OFFICER, Roles.AUDITOR})
    @Operation(summary = "QA visits and actions past their due dates, oldest first (audited)")
    public List<QualityAssuranceService.Attention> list() {
        return qa.attention();
    }
}
