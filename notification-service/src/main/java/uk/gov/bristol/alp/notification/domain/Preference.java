package uk.gov.bristol.alp.notification.domain;

/** How a recipient wants routine notifications. Urgent ones (safeguarding, a pupil not arrived) always go at once. */
public enum Preference {
    IMMEDIATE,
    DAILY_DIGEST
}
