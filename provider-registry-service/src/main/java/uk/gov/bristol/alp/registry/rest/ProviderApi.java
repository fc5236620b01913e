package uk.gov.bristol.alp.registry.rest;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import uk.gov.bristol.alp.platform.codes.ApSettingType;
import uk.gov.bristol.alp.platform.identifiers.ValidUkprn;
import uk.gov.bristol.alp.platform.identifiers.ValidUrn;
import uk.gov.bristol.alp.registry.domain.Authority;
import uk.gov.bristol.alp.registry.domain.CheckKind;
import uk.gov.bristol.alp.registry.domain.CheckOutcome;
import uk.gov.bristol.alp.registry.domain.Compliance;
import uk.gov.bristol.alp.registry.domain.Provider;
import uk.gov.bristol.alp.registry.domain.ProviderCheck;
import uk.gov.bristol.alp.registry.domain.RegistrationStatus;
import uk.gov.bristol.alp.registry.service.ProviderService;

/** The registry's JSON shapes. */
public final class ProviderApi {
    private ProviderApi() {
    }

    public record RegisterProvider(
            @NotBlank @Size(max = 200) String name,
            @ValidUkprn String ukprn,
            @ValidUrn String urn,
            ApSettingType settingType,
            @NotNull RegistrationStatus registrationStatus,
            @NotNull Authority leadAuthority) {

        ProviderService.NewProvider toCommand() {
            return new ProviderService.NewProvider(name.strip(), ukprn, urn, settingType, registrationStatus,
                    leadAuthority);
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

    public record StatusChange(@Size(max = 2000) String reason) {
    }

    public record Suspension(@NotBlank @Size(max = 2000) String reason) {
    }

    public record CheckView(UUID id, CheckKind kind, CheckOutcome outcome, LocalDate checkedOn, LocalDate expiresOn,
            Authority authority, String officer, String evidenceReference, String notes, OffsetDateTime recordedAt) {
        static CheckView of(ProviderCheck c) {
            return new CheckView(c.id, c.kind, c.outcome, c.checkedOn, c.expiresOn, c.authority, c.officer,
                    c.evidenceReference, c.notes, c.recordedAt);
        }
    }

    public record ComplianceView(boolean compliant, LocalDate compliantUntil, List<Compliance.Gap> gaps) {
        static ComplianceView of(Compliance c) {
            return new ComplianceView(c.compliant(), c.compliantUntil(), c.gaps());
        }
    }

    public record ProviderView(UUID id, String name, String ukprn, String urn, ApSettingType settingType,
            RegistrationStatus registrationStatus, Authority leadAuthority, String frameworkStatus,
            String statusReason, ComplianceView compliance, List<CheckView> checks, OffsetDateTime updatedAt,
            long version) {

        static ProviderView of(ProviderService.ProviderRecord r) {
            return of(r.provider(), r.compliance(), r.checks());
        }

        static ProviderView of(Provider p, Compliance compliance, List<ProviderCheck> checks) {
            return new ProviderView(p.id, p.name, p.ukprn, p.urn, p.settingType, p.registrationStatus,
                    p.leadAuthority, p.frameworkStatus.name(), p.statusReason,
                    compliance == null ? null : ComplianceView.of(compliance),
                    checks == null ? null : checks.stream().map(CheckView::of).toList(), p.updatedAt, p.version);
        }
    }
}
