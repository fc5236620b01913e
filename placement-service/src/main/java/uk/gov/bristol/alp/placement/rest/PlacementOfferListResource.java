package uk.gov.bristol.alp.placement.rest;

import io.quarkus.security.Authenticated;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.gov.bristol.alp.placement.domain.PlacementOffer;
import uk.gov.bristol.alp.placement.rest.PlacementOfferResource.OfferView;
import uk.gov.bristol.alp.placement.service.PlacementOffers;
import uk.gov.bristol.alp.platform.web.PageResult;

/** Offers across placements: a provider's inbox of proposals to answer, the Hub's view of all. */
@Path("/api/v1/placement-offers")
@Tag(name = "Placement offers", description = "A proposed placement offered to a provider, and its answer")
@Produces(MediaType.APPLICATION_JSON)
public class PlacementOfferListResource {
    private final PlacementOffers offers;

    public PlacementOfferListResource(PlacementOffers offers) {
        this.offers = offers;
    }

    @GET
    @Authenticated
    @Operation(
            summary =
                    "Offers you may see, newest first: a provider the ones made to it (its inbox of proposals to "
                            + "answer), a school its pupils', authority staff all; filtered by answer, provider, overdue; paged")
    public PageResult<OfferView> inbox(
            @QueryParam("answer") PlacementOffer.Answer answer,
            @QueryParam("providerId") UUID providerId,
            @QueryParam("overdue") Boolean overdue,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(PageResult.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return PageResult.of(offers.list(answer, providerId, overdue, page, size), page, size, OfferView::of);
    }
}
