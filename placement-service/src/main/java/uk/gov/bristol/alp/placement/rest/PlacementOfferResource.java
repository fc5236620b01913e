package uk.gov.bristol.alp.placement.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.gov.bristol.alp.placement.domain.Placement;
import uk.gov.bristol.alp.placement.domain.PlacementOffer;
import uk.gov.bristol.alp.placement.rest.PlacementApi.PlacementView;
import uk.gov.bristol.alp.placement.service.PlacementOffers;
import uk.gov.bristol.alp.platform.security.Roles;
import uk.gov.bristol.alp.platform.web.Versions;

/**
 * Offers of proposed placements to providers: the provider accepts or declines; the Hub offers a declined one
 * elsewhere; everyone who may see the placement sees its offers.
 */
@Path("/api/v1/placements/{id}/offers")
@Tag(name = "Placement offers", description = "A proposed placement offered to a provider, and its answer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PlacementOfferResource {
    private final PlacementOffers offers;

    public PlacementOfferResource(PlacementOffers offers) {
        this.offers = offers;
    }

    @POST
    @Path("accept")
    @RolesAllowed({Roles.PROVIDER_STAFF, Roles.HUB_OFFICER})
    @Operation(
            summary =
                    "The provider accepts the open offer of a proposed placement, with the day it can start (the Hub may "
                            + "record an answer given by telephone); the Hub can then confirm it")
    @APIResponseSchema(value = PlacementView.class, responseCode = "200", responseDescription = "OK")
    public Response accept(
            @PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull Accept body) {
        return answer(offers.accept(id, ifMatch, body.startDate(), strip(body.note())));
    }

    @POST
    @Path("decline")
    @RolesAllowed({Roles.PROVIDER_STAFF, Roles.HUB_OFFICER})
    @Operation(
            summary =
                    "The provider declines the open offer of a proposed placement, saying why; the proposal returns to "
                            + "the Hub's attention list to be offered elsewhere")
    @APIResponseSchema(value = PlacementView.class, responseCode = "200", responseDescription = "OK")
    public Response decline(
            @PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull Decline body) {
        return answer(offers.decline(id, ifMatch, body.reason().strip()));
    }

    @POST
    @RolesAllowed(Roles.HUB_OFFICER)
    @Operation(
            summary = "The Hub offers a proposed placement to a provider (after a decline, or in place of an offer "
                    + "not answered); the provider must be approved on the framework, and is told as of any proposal")
    @APIResponseSchema(value = PlacementView.class, responseCode = "200", responseDescription = "OK")
    public Response offerElsewhere(
            @PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull Offer body) {
        return answer(offers.offerElsewhere(id, ifMatch, body.providerId(), strip(body.note())));
    }

    @GET
    @Authenticated
    @Operation(summary = "Every offer of a placement and its answer, oldest first (whoever may see the placement)")
    public List<OfferView> ofPlacement(@PathParam("id") UUID id) {
        return offers.of(id).stream().map(OfferView::of).toList();
    }

    private static Response answer(Placement p) {
        return Response.ok(PlacementView.of(p)).tag(Versions.etag(p.version)).build();
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public record Accept(
            @NotNull LocalDate startDate, @Size(max = 2000) String note) {}

    public record Decline(@NotBlank @Size(max = 2000) String reason) {}

    public record Offer(
            @NotNull UUID providerId, @Size(max = 2000) String note) {}

    /** An offer and its answer; {@code note} is the decline's reason, the acceptance's note, or why it was withdrawn. */
    public record OfferView(
            UUID id,
            UUID placementId,
            UUID providerId,
            OffsetDateTime offeredAt,
            String offeredBy,
            int timescaleDays,
            OffsetDateTime respondBy,
            PlacementOffer.Answer answer,
            OffsetDateTime answeredAt,
            String answeredBy,
            LocalDate startDate,
            String note) {
        static OfferView of(PlacementOffer o) {
            return new OfferView(
                    o.id,
                    o.placementId,
                    o.providerId,
                    o.offeredAt,
                    o.offeredBy,
                    o.timescaleDays,
                    o.respondBy,
                    o.answer,
                    o.answeredAt,
                    o.answeredBy,
                    o.startDate,
                    o.answerNote);
        }
    }
}
