package uk.gov.bristol.alp.notification.domain;

/** One notification the rules want sent: to whom, with which template, and whether it may wait for a digest. */
public record Intent(Audience audience, String key, String template, boolean urgent) {}
