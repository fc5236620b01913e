package uk.gov.bristol.alp.finance.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import uk.gov.bristol.alp.finance.domain.Commitment;
import uk.gov.bristol.alp.finance.domain.FinanceRules;
import uk.gov.bristol.alp.finance.domain.FinancialYear;
import uk.gov.bristol.alp.finance.domain.Forecast;
import uk.gov.bristol.alp.finance.domain.Invoice;
import uk.gov.bristol.alp.finance.domain.InvoiceLine;
import uk.gov.bristol.alp.finance.domain.Rate;
import uk.gov.bristol.alp.finance.domain.Segments;
import uk.gov.bristol.alp.platform.audit.AuditLog;
import uk.gov.bristol.alp.platform.problem.Problem.FieldError;
import uk.gov.bristol.alp.platform.problem.ProblemException;
import uk.gov.bristol.alp.platform.problem.ProblemType;
import uk.gov.bristol.alp.platform.security.Caller;
import uk.gov.bristol.alp.platform.security.Roles;
import uk.gov.bristol.alp.platform.time.SchoolCalendar;

/**
 * Provider invoices, each line checked against the placement's commitment and the sessions its attendance shows
 * attended in the period. Any difference is written on the line and the invoice is QUERIED, to be settled with
 * the provider before it is paid.
 */
@ApplicationScoped
public class InvoiceService {
    private final DeliveredSessions sessions;
    private final SchoolCalendar calendar;
    private final Caller caller;
    private final AuditLog audit;
    private final Clock clock;

    public InvoiceService(
            DeliveredSessions sessions, Caller caller, AuditLog audit, Clock clock, SchoolCalendar calendar) {
        this.calendar = calendar;
        this.sessions = sessions;
        this.caller = caller;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Invoice receive(NewInvoice request) {
        if (!caller.hasRole(Roles.FINANCE_OFFICER)
                && !caller.canSeeProvider(request.providerId().toString())) {
            throw new ProblemException(
                    ProblemType.FORBIDDEN,
                    "a provider submits its own invoices only",
                    List.of(new FieldError("providerId", "ownProvider", "must be your own provider")));
        }
        if (Invoice.count("providerId = ?1 and invoiceNumber = ?2", request.providerId(), request.invoiceNumber())
                > 0) {
            throw new ProblemException(
                    FinanceRules.INVOICE_ALREADY_RECEIVED,
                    "invoice " + request.invoiceNumber() + " was already received",
                    List.of(new FieldError("invoiceNumber", "unique", "already received from this provider")));
        }
        Invoice invoice = new Invoice();
        invoice.id = UUID.randomUUID();
        invoice.providerId = request.providerId();
        invoice.invoiceNumber = request.invoiceNumber();
        invoice.issuedOn = request.issuedOn();
        invoice.total = request.lines().stream().map(NewLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        invoice.receivedBy = caller.username();
        invoice.receivedAt = OffsetDateTime.now(clock);
        boolean queried = false;
        List<InvoiceLine> lines = new ArrayList<>();
        for (NewLine l : request.lines()) {
            InvoiceLine line = check(invoice, l);
            queried |= !line.discrepancies.isEmpty();
            lines.add(line);
        }
        invoice.status = queried ? Invoice.Status.QUERIED : Invoice.Status.CHECKED;
        invoice.persist();
        lines.forEach(line -> line.persist());
        audit.record(
                AuditLog.Action.CREATE,
                "invoice",
                invoice.id,
                "invoice " + invoice.invoiceNumber + " " + invoice.total.toPlainString() + ": " + invoice.status);
        return invoice;
    }

    @Transactional
    public List<Invoice> list(Invoice.Status status, UUID providerId) {
        if (status != null && providerId != null) {
            return Invoice.list("status = ?1 and providerId = ?2 order by receivedAt", status, providerId);
        }
        if (status != null) {
            return Invoice.list("status = ?1 order by receivedAt", status);
        }
        return providerId != null
                ? Invoice.list("providerId = ?1 order by receivedAt", providerId)
                : Invoice.list("order by receivedAt");
    }

    @Transactional
    public List<InvoiceLine> lines(UUID invoiceId) {
        return InvoiceLine.of(invoiceId);
    }

    @Transactional
    public Invoice read(UUID id) {
        Invoice invoice = Invoice.findById(id);
        if (invoice == null) {
            throw ProblemException.notFound("invoice", id);
        }
        return invoice;
    }

    private InvoiceLine check(Invoice invoice, NewLine l) {
        InvoiceLine line = new InvoiceLine();
        line.id = UUID.randomUUID();
        line.invoiceId = invoice.id;
        line.placementId = l.placementId();
        line.periodFrom = l.periodFrom();
        line.periodTo = l.periodTo();
        line.sessionsClaimed = l.sessionsClaimed();
        line.amount = l.amount();
        line.financialYear = FinancialYear.containing(l.periodFrom()).toString();
        List<String> discrepancies = new ArrayList<>();
        Commitment commitment =
                Commitment.<Commitment>forPlacement(l.placementId()).orElse(null);
        if (commitment == null || !commitment.providerId.equals(invoice.providerId)) {
            // Another provider's placement (or none): nothing of it is read, so nothing of it is shown back.
            discrepancies.add("no commitment for placement " + l.placementId() + " with this provider");
            line.sessionsAttended = 0;
            line.discrepancies = discrepancies;
            return line;
        } else {
            LocalDate end = commitment.endDate != null ? commitment.endDate : commitment.plannedEndDate;
            if (l.periodFrom().isBefore(commitment.startDate) || l.periodTo().isAfter(end)) {
                discrepancies.add("the period " + l.periodFrom() + " to " + l.periodTo() + " is outside the placement ("
                        + commitment.startDate + " to " + end + ")");
            }
            Rate rate = commitment.rate();
            if (rate != null) {
                // Never more than was committed for those dates: hours x rate x term weeks of the period.
                BigDecimal committed = Forecast.of(
                                Segments.within(commitment.segments, l.periodFrom(), l.periodTo()), rate, calendar)
                        .cost();
                if (l.amount().compareTo(committed) > 0) {
                    discrepancies.add("claims " + l.amount().toPlainString() + "; the cost committed for the period is "
                            + committed.toPlainString() + " (hours x rate x term weeks)");
                }
            }
        }
        DeliveredSessions.Counts counts = sessions.in(l.placementId(), l.periodFrom(), l.periodTo());
        line.sessionsAttended = counts.attended();
        if (l.sessionsClaimed() > counts.attended()) {
            discrepancies.add("claims " + l.sessionsClaimed() + " sessions; attendance shows " + counts.attended()
                    + " attended (" + (counts.marked() - counts.attended()) + " marked absent, "
                    + "sessions without a mark are not counted)");
        }
        line.discrepancies = discrepancies;
        return line;
    }

    public record NewLine(
            UUID placementId, LocalDate periodFrom, LocalDate periodTo, int sessionsClaimed, BigDecimal amount) {}

    public record NewInvoice(UUID providerId, String invoiceNumber, LocalDate issuedOn, List<NewLine> lines) {}
}
