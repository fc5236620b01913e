package uk.gov.bristol.alp.testing.archfixture.bad.contract;

public record EnrolmentsTopic(String pupil) {}
