package uk.gov.bristol.alp.placement.domain;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What the provider must know to keep the pupil safe, written by the pupil's school or the Hub for one placement:
 * the pupil's needs, the risks and what sets them off, medical needs, the strategies that work, and whom to call at
 * the school. Read by the provider of that placement while it runs, every read audited.
 */
public record NeedToKnow(
        @Size(max = 4000) String needs,
        @Size(max = 4000) String risks,
        @Size(max = 2000) String medical,
        @Size(max = 4000) String strategies,
        @Valid SchoolContact schoolContact) {

    /** The person at the school the provider calls about the pupil. */
    public record SchoolContact(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 200) String role,
            @NotBlank @Pattern(regexp = "[0-9 +()-]{7,20}") String phone,
            @Email @Size(max = 254) String email) {}
}
