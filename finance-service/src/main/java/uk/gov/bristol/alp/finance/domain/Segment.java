package uk.gov.bristol.alp.finance.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A stretch of a placement at one number of hours a week, both days inclusive. */
public record Segment(LocalDate from, LocalDate to, BigDecimal hoursPerWeek) {}
