package uk.gov.bristol.alp.platform.codes;

/** AP setting type, used where a setting has neither URN nor UKPRN (school census AP module). */
public enum ApSettingType {
    NFE("Non-maintained further education"),
    OOT("One-to-one tuition"),
    OTH("Other unregistered provider"),
    WBP("Work-based placement");

    public final String description;

    ApSettingType(String description) {
        this.description = description;
    }
}
