package uk.gov.bristol.alp.testing.archfixture.good.contract;

public record EnrolmentsTopic(String pupil) {}
