package uk.gov.bristol.alp.placement.domain;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A parent or carer on a pupil's record: who they are to the pupil, whether they hold parental responsibility, how
 * to reach them and how they prefer to be reached, and anything the school must know before contacting them.
 */
public record Carer(
        @NotBlank @Size(max = 200) String name,
        @NotNull Relationship relationship,
        boolean parentalResponsibility,
        @Pattern(regexp = "[0-9 +()-]{7,20}") String phone,
        @Email @Size(max = 254) String email,
        @NotNull ContactPreference preferredContact,
        @Size(max = 1000) String contactNotes) {
    public enum Relationship {
        PARENT,
        STEP_PARENT,
        GRANDPARENT,
        KINSHIP_CARER,
        FOSTER_CARER,
        /** The local authority for a child in its care (its social worker is the contact). */
        CORPORATE_PARENT,
        OTHER
    }

    public enum ContactPreference {
        PHONE,
        TEXT,
        EMAIL,
        LETTER
    }

    /** The preferred way can be used: a phone number for a call or text, an address for an email. */
    public boolean reachableAsPreferred() {
        return switch (preferredContact) {
            case PHONE, TEXT -> phone != null && !phone.isBlank();
            case EMAIL -> email != null && !email.isBlank();
            case LETTER -> true;
        };
    }
}
