package uk.gov.bristol.alp.placement.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.gov.bristol.alp.placement.service.RegistrationRiskMonitor;
import uk.gov.bristol.alp.placement.service.RegistrationRiskMonitor.ProviderAtRisk;
import uk.gov.bristol.alp.platform.security.Roles;

@Path("/api/v1/compliance")
@Tag(name = "Compliance", description = "Legal limits watched live")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.HUB_OFFICER, Roles.REGISTRY_OFFICER, Roles.AUDITOR})
public class ComplianceResource {
    private final RegistrationRiskMonitor monitor;

    public ComplianceResource(RegistrationRiskMonitor monitor) {
        this.monitor = monitor;
    }

    @GET
    @Path("registration-risk")
    @Operation(
            summary =
                    "Unregistered providers giving full-time education to 5 or more pupils, or to any pupil "
                            + "with an EHC plan or in care (Education Act 1996 s463): they must register as independent schools")
    public List<ProviderAtRisk> registrationRisk() {
        return monitor.providersAtRisk();
    }
}
