package uk.gov.bristol.alp.registry.rest;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import uk.gov.bristol.alp.platform.codes.ApSettingType;
import uk.gov.bristol.alp.platform.codes.CheckKind;
import uk.gov.bristol.alp.platform.identifiers.ValidUkprn;
import uk.gov.bristol.alp.platform.identifiers.ValidUrn;
import uk.gov.bristol.alp.registry.domain.Authority;
import uk.gov.bristol.alp.registry.domain.CheckOutcome;
import uk.gov.bristol.alp.registry.domain.Compliance;
import uk.gov.bristol.alp.registry.domain.KeyStage;
import uk.gov.bristol.alp.registry.domain.Provider;
import uk.gov.bristol.alp.registry.domain.ProviderCheck;
import uk.gov.bristol.alp.registry.domain.ProviderDetails;
import uk.gov.bristol.alp.registry.domain.RegistrationStatus;
import uk.gov.bristol.alp.registry.domain.Specialism;
import uk.gov.bristol.alp.registry.service.ProviderService;

/** The registry's JSON shapes. */
public final class ProviderApi {
    private ProviderApi() {}

    public record RegisterProvider(
            @NotBlank @Size(max = 200) String name,
            @ValidUkprn String ukprn,
            @ValidUrn String urn,
            ApSettingType settingType,
            @NotNull RegistrationStatus registrationStatus,
            @NotNull Authority leadAuthority,
            @Valid Details details) {

        ProviderDetails detailsOrNone() {
            return details == null ? ProviderDetails.none() : details.toDomain();
        }

        ProviderService.NewProvider toCommand() {
            return new ProviderService.NewProvider(
                    name.strip(), ukprn, urn, settingType, registrationStatus, leadAuthority);
        }
    }

    public record RecordCheck(
            @NotNull CheckKind kind,
            @NotNull CheckOutcome outcome,
            @NotNull @PastOrPresent LocalDate checkedOn,
            LocalDate expiresOn,
            @Size(max = 500) String evidenceReference,
            @Size(max = 4000) String notes) {

        @JsonIgnore
        @AssertTrue(message = "expiresOn must be after checkedOn")
        public boolean isExpiryAfterCheck() {
            return expiresOn == null || checkedOn == null || expiresOn.isAfter(checkedOn);
        }

        ProviderService.NewCheck toCommand() {
            return new ProviderService.NewCheck(kind, outcome, checkedOn, expiresOn, evidenceReference, notes);
        }
    }

    public record Site(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 300) String addressLine,
            @Size(max = 100) String town,
            @NotBlank @Size(max = 10) String postcode) {}

    public record Contact(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 100) String role,
            @Email @Size(max = 254) String email,
            @Size(max = 30) String phone,
            boolean isPublic) {}

    public record Rate(
            @NotNull ProviderDetails.RateUnit unit,

            @NotNull @DecimalMin("0.00") @Digits(integer = 8, fraction = 2)
            BigDecimal amount,

            @NotNull LocalDate validFrom,
            LocalDate validTo) {}

    /** The provider's offer; replaced as a whole by PUT .../details. */
    public record Details(
            @Size(max = 4000) String description,
            @Size(max = 20) Set<@NotNull Specialism> specialisms,
            @Size(max = 5) Set<@NotNull KeyStage> keyStages,
            @Min(4) @Max(25) Integer minAge,
            @Min(4) @Max(25) Integer maxAge,
            @Min(0) @Max(10000) Integer capacity,
            @Min(0) @Max(60) Integer responseTimescaleDays,
            @Size(max = 200) String slaReference,
            boolean careersAdvice,

            @Size(max = 500) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL")
            String website,

            @Size(max = 50) List<@Valid @NotNull Site> sites,
            @Size(max = 50) List<@Valid @NotNull Contact> contacts,
            @Size(max = 50) List<@Valid @NotNull Rate> rates) {

        ProviderDetails toDomain() {
            return new ProviderDetails(
                    description,
                    specialisms == null ? Set.of() : Set.copyOf(specialisms),
                    keyStages == null ? Set.of() : Set.copyOf(keyStages),
                    minAge,
                    maxAge,
                    capacity,
                    responseTimescaleDays,
                    slaReference,
                    careersAdvice,
                    website,
                    sites == null
                            ? List.of()
                            : sites.stream()
                                    .map(x -> new ProviderDetails.Site(
                                            x.name(),
                                            x.addressLine(),
                                            x.town(),
                                            x.postcode().toUpperCase(Locale.UK).strip()))
                                    .toList(),
                    contacts == null
                            ? List.of()
                            : contacts.stream()
                                    .map(x -> new ProviderDetails.Contact(
                                            x.name(), x.role(), x.email(), x.phone(), x.isPublic()))
                                    .toList(),
                    rates == null
                            ? List.of()
                            : rates.stream()
                                    .map(x ->
                                            new ProviderDetails.Rate(x.unit(), x.amount(), x.validFrom(), x.validTo()))
                                    .toList());
        }
    }

    public record StatusChange(@Size(max = 2000) String reason) {}

    /** A status change that must say why (suspend, reinstate, remove). */
    public record ReasonedChange(@NotBlank @Size(max = 2000) String reason) {}

    public record CheckView(
            UUID id,
            CheckKind kind,
            CheckOutcome outcome,
            LocalDate checkedOn,
            LocalDate expiresOn,
            Authority authority,
            String officer,
            String evidenceReference,
            String notes,
            OffsetDateTime recordedAt) {
        static CheckView of(ProviderCheck c) {
            return new CheckView(
                    c.id,
                    c.kind,
                    c.outcome,
                    c.checkedOn,
                    c.expiresOn,
                    c.authority,
                    c.officer,
                    c.evidenceReference,
                    c.notes,
                    c.recordedAt);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ComplianceView(boolean compliant, LocalDate compliantUntil, List<Compliance.Gap> gaps) {
        static ComplianceView of(Compliance c) {
            return new ComplianceView(c.compliant(), c.compliantUntil(), c.gaps());
        }

        /** Whether the provider is compliant and until when; which checks are missing is for officers. */
        ComplianceView withoutGaps() {
            return new ComplianceView(compliant, compliantUntil, null);
        }
    }

    /** A provider as a caller may see it; what a caller may not see is left out, not sent empty. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ProviderView(
            UUID id,
            String name,
            String ukprn,
            String urn,
            ApSettingType settingType,
            RegistrationStatus registrationStatus,
            Authority leadAuthority,
            String frameworkStatus,
            String statusReason,
            ProviderDetails details,
            ComplianceView compliance,
            List<CheckView> checks,
            OffsetDateTime updatedAt,
            long version) {

        /**
         * The view for callers outside the registry's audience: compliant or not, but no checks, gaps, reasons,
         * rates or private contacts.
         */
        ProviderView publicView() {
            return new ProviderView(
                    id,
                    name,
                    ukprn,
                    urn,
                    settingType,
                    registrationStatus,
                    leadAuthority,
                    frameworkStatus,
                    null,
                    details.publicPart(),
                    compliance == null ? null : compliance.withoutGaps(),
                    null,
                    updatedAt,
                    version);
        }

        static ProviderView of(ProviderService.ProviderRecord r) {
            return of(r.provider(), r.compliance(), r.checks());
        }

        static ProviderView of(Provider p, Compliance compliance, List<ProviderCheck> checks) {
            return new ProviderView(
                    p.id,
                    p.name,
                    p.ukprn,
                    p.urn,
                    p.settingType,
                    p.registrationStatus,
                    p.leadAuthority,
                    p.frameworkStatus.name(),
                    p.statusReason,
                    p.details(),
                    compliance == null ? null : ComplianceView.of(compliance),
                    checks == null ? null : checks.stream().map(CheckView::of).toList(),
                    p.updatedAt,
                    p.version);
        }
    }
}
