package uk.gov.bristol.alp.placement.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.gov.bristol.alp.placement.domain.PupilTransfer;
import uk.gov.bristol.alp.placement.service.PupilTransfers;
import uk.gov.bristol.alp.platform.security.Roles;

/** Pupils moving school: the Hub agrees or declines what a school asked for (asked at /pupils/{id}/transfers). */
@Path("/api/v1/pupil-transfers")
@Tag(name = "Pupils", description = "Pupils' records, kept by their schools")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PupilTransferResource {
    private final PupilTransfers transfers;

    public PupilTransferResource(PupilTransfers transfers) {
        this.transfers = transfers;
    }

    @GET
    @Authenticated
    @Operation(summary = "Transfers, newest first (authority staff: all; a school: those from or to it), by status")
    public List<TransferView> list(@QueryParam("status") PupilTransfer.Status status) {
        return transfers.list(status).stream().map(TransferView::of).toList();
    }

    @POST
    @Path("{id}/agree")
    @RolesAllowed(Roles.HUB_OFFICER)
    @Operation(
            summary = "Agree a transfer: the new school's record of the pupil takes the running placements; the old "
                    + "school keeps its own history")
    public TransferView agree(@PathParam("id") UUID id, @Valid @NotNull Decision body) {
        return TransferView.of(transfers.agree(id, body.note().strip()));
    }

    @POST
    @Path("{id}/decline")
    @RolesAllowed(Roles.HUB_OFFICER)
    @Operation(summary = "Decline a transfer, saying why")
    public TransferView decline(@PathParam("id") UUID id, @Valid @NotNull Decision body) {
        return TransferView.of(transfers.decline(id, body.note().strip()));
    }

    public record NewTransfer(
            @NotNull @Pattern(regexp = "\\d{6}", message = "a school URN is 6 digits")
            String toSchoolUrn,

            @NotNull LocalDate effectiveFrom,
            @NotBlank @Size(max = 2000) String reason) {}

    public record Decision(@NotBlank @Size(max = 2000) String note) {}

    public record TransferView(
            UUID id,
            UUID pupilId,
            String fromSchoolUrn,
            String toSchoolUrn,
            LocalDate effectiveFrom,
            String reason,
            PupilTransfer.Status status,
            String requestedBy,
            OffsetDateTime requestedAt,
            String decidedBy,
            OffsetDateTime decidedAt,
            String decisionNote,
            UUID newPupilId) {
        static TransferView of(PupilTransfer t) {
            return new TransferView(
                    t.id,
                    t.pupilId,
                    t.fromSchoolUrn,
                    t.toSchoolUrn,
                    t.effectiveFrom,
                    t.reason,
                    t.status,
                    t.requestedBy,
                    t.requestedAt,
                    t.decidedBy,
                    t.decidedAt,
                    t.decisionNote,
                    t.newPupilId);
        }
    }
}
