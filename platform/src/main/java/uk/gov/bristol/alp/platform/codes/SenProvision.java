package uk.gov.bristol.alp.platform.codes;

/** SEN provision (CBDS): E EHC plan, K SEN support, N no special educational need. */
public enum SenProvision {
    E("Education, health and care plan"),
    K("SEN support"),
    N("No special educational need");

    public final String description;

    SenProvision(String description) {
        this.description = description;
    }
}
