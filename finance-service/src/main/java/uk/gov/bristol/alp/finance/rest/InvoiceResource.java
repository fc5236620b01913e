package uk.gov.bristol.alp.finance.rest;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.gov.bristol.alp.finance.domain.Invoice;
import uk.gov.bristol.alp.finance.domain.InvoiceLine;
import uk.gov.bristol.alp.finance.service.InvoiceService;
import uk.gov.bristol.alp.platform.security.Roles;

@Path("/api/v1/finance/invoices")
@Tag(name = "Invoices", description = "Provider invoices checked against delivered sessions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.FINANCE_OFFICER, Roles.HUB_OFFICER, Roles.AUDITOR})
public class InvoiceResource {
    private final InvoiceService invoices;

    public InvoiceResource(InvoiceService invoices) {
        this.invoices = invoices;
    }

    @POST
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.PROVIDER_STAFF})
    @Operation(
            summary = "Receive a provider's invoice (finance, or the provider for itself); each line is checked "
                    + "against the placement's commitment and its attendance, and any difference queried")
    @APIResponseSchema(
            value = InvoiceView.class,
            responseCode = "201",
            responseDescription = "Created: Location names the new record")
    public Response receive(@Valid @NotNull NewInvoice body, @Context UriInfo uri) {
        Invoice invoice = invoices.receive(body.toCommand());
        return Response.created(
                        uri.getAbsolutePathBuilder().path(invoice.id.toString()).build())
                .entity(InvoiceView.of(invoice, invoices.lines(invoice.id)))
                .build();
    }

    @GET
    @Operation(summary = "Invoices, oldest first; status=QUERIED lists those with differences to settle")
    public List<InvoiceView> list(
            @QueryParam("status") Invoice.Status status, @QueryParam("providerId") UUID providerId) {
        return invoices.list(status, providerId).stream()
                .map(i -> InvoiceView.of(i, invoices.lines(i.id)))
                .toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "An invoice with its lines and what the check found")
    public InvoiceView read(@PathParam("id") UUID id) {
        return InvoiceView.of(invoices.read(id), invoices.lines(id));
    }

    public record NewLine(
            @NotNull UUID placementId,
            @NotNull LocalDate periodFrom,
            @NotNull LocalDate periodTo,
            @Min(0) @Max(500) int sessionsClaimed,

            @NotNull @DecimalMin("0.00") @Digits(integer = 10, fraction = 2)
            BigDecimal amount) {
        @JsonIgnore
        @AssertTrue(message = "periodTo must be on or after periodFrom")
        public boolean isPeriodInOrder() {
            return periodFrom == null || periodTo == null || !periodTo.isBefore(periodFrom);
        }
    }

    public record NewInvoice(
            @NotNull UUID providerId,
            @NotBlank @Size(max = 50) String invoiceNumber,
            @NotNull LocalDate issuedOn,
            @NotEmpty @Size(max = 200) List<@Valid @NotNull NewLine> lines) {
        InvoiceService.NewInvoice toCommand() {
            return new InvoiceService.NewInvoice(
                    providerId,
                    invoiceNumber.strip(),
                    issuedOn,
                    lines.stream()
                            .map(l -> new InvoiceService.NewLine(
                                    l.placementId(), l.periodFrom(), l.periodTo(), l.sessionsClaimed(), l.amount()))
                            .toList());
        }
    }

    public record LineView(
            UUID placementId,
            LocalDate periodFrom,
            LocalDate periodTo,
            int sessionsClaimed,
            int sessionsAttended,
            BigDecimal amount,
            String financialYear,
            List<String> discrepancies) {
        static LineView of(InvoiceLine l) {
            return new LineView(
                    l.placementId,
                    l.periodFrom,
                    l.periodTo,
                    l.sessionsClaimed,
                    l.sessionsAttended,
                    l.amount,
                    l.financialYear,
                    l.discrepancies);
        }
    }

    public record InvoiceView(
            UUID id,
            UUID providerId,
            String invoiceNumber,
            LocalDate issuedOn,
            BigDecimal total,
            Invoice.Status status,
            List<LineView> lines,
            String receivedBy,
            OffsetDateTime receivedAt) {
        static InvoiceView of(Invoice i, List<InvoiceLine> lines) {
            return new InvoiceView(
                    i.id,
                    i.providerId,
                    i.invoiceNumber,
                    i.issuedOn,
                    i.total,
                    i.status,
                    lines.stream().map(LineView::of).toList(),
                    i.receivedBy,
                    i.receivedAt);
        }
    }
}
