package uk.gov.bristol.alp.platform.codes;

/** Ethnicity main codes (CBDS). */
public enum Ethnicity {
    ABAN("Bangladeshi"),
    AIND("Indian"),
    AOTH("Any other Asian background"),
    APKN("Pakistani"),
    BAFR("Black - African"),
    BCRB("Black Caribbean"),
    BOTH("Any other Black background"),
    CHNE("Chinese"),
    MOTH("Any other mixed background"),
    MWAS("White and Asian"),
    MWBA("White and Black African"),
    MWBC("White and Black Caribbean"),
    NOBT("Information not yet obtained"),
    OOTH("Any other ethnic group"),
    REFU("Refused"),
    WBRI("White - British"),
    WIRI("White - Irish"),
    WIRT("Traveller of Irish heritage"),
    WOTH("Any other White background"),
    WROM("Gypsy / Roma");

    public final String description;

    Ethnicity(String description) {
        this.description = description;
    }
}
