package uk.gov.bristol.alp.registry.domain;

/** What a provider offers (the framework's common vocabulary; also the public directory's taxonomy). */
public enum Specialism {
    SEMH("Social, emotional and mental health"),
    AUTISM("Autism"),
    MEDICAL_HEALTH("Medical and health needs"),
    VOCATIONAL("Vocational"),
    OUTDOOR("Outdoor learning"),
    ARTS("Arts"),
    YOUNG_PARENTS("Young parents"),
    TUITION("Tuition"),
    ENGLISH_AS_ADDITIONAL_LANGUAGE("English as an additional language"),
    SPORT("Sport");

    public final String label;

    Specialism(String label) {
        this.label = label;
    }
}
