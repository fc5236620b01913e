package uk.gov.bristol.alp.finance.rest;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import uk.gov.bristol.alp.finance.domain.Budget;
import uk.gov.bristol.alp.finance.domain.BudgetChange;
import uk.gov.bristol.alp.finance.domain.CostCode;
import uk.gov.bristol.alp.finance.domain.FundingStream;
import uk.gov.bristol.alp.finance.domain.Rate;

/** JSON shapes of the cost-code register and budgets. Money is a decimal string, pence exact. */
public final class LedgerApi {
    private LedgerApi() {}

    public record RegisterCostCode(
            @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,19}", message = "2-20 capitals, digits or '-'")
            String code,

            @NotBlank @Size(max = 200) String description,
            @NotBlank @Size(max = 50) String costCentre,
            @NotBlank @Size(max = 50) String budgetLine,
            @NotNull FundingStream fundingStream) {}

    public record Retire(@NotBlank @Size(max = 1000) String reason) {}

    public record SetBudget(
            @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2)
            BigDecimal amount,

            @NotBlank @Size(max = 1000) String reason) {}

    public record AgreeRate(
            @NotNull Rate.Unit unit,

            @NotNull @DecimalMin("0.00") @Digits(integer = 8, fraction = 2)
            BigDecimal amount,

            @NotNull LocalDate validFrom,
            LocalDate validTo,
            @NotBlank @Size(max = 1000) String reason) {
        @JsonIgnore
        @AssertTrue(message = "validTo must be on or after validFrom")
        public boolean isValidityInOrder() {
            return validFrom == null || validTo == null || !validTo.isBefore(validFrom);
        }
    }

    public record CostCodeView(
            String code,
            String description,
            String costCentre,
            String budgetLine,
            FundingStream fundingStream,
            CostCode.Status status,
            String retiredReason,
            OffsetDateTime retiredAt,
            String createdBy,
            OffsetDateTime createdAt) {
        static CostCodeView of(CostCode c) {
            return new CostCodeView(
                    c.code,
                    c.description,
                    c.costCentre,
                    c.budgetLine,
                    c.fundingStream,
                    c.status,
                    c.retiredReason,
                    c.retiredAt,
                    c.createdBy,
                    c.createdAt);
        }
    }

    public record BudgetView(
            UUID id,
            String financialYear,
            String costCode,
            BigDecimal amount,
            String updatedBy,
            OffsetDateTime updatedAt) {
        static BudgetView of(Budget b) {
            return new BudgetView(b.id, b.financialYear, b.costCode, b.amount, b.updatedBy, b.updatedAt);
        }
    }

    public record BudgetChangeView(
            BigDecimal previousAmount,
            BigDecimal newAmount,
            String reason,
            String changedBy,
            OffsetDateTime changedAt) {
        static BudgetChangeView of(BudgetChange c) {
            return new BudgetChangeView(c.previousAmount, c.newAmount, c.reason, c.changedBy, c.changedAt);
        }
    }
}
