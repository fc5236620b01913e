package uk.gov.bristol.alp.testing.archfixture.good.messaging;

import uk.gov.bristol.alp.testing.archfixture.good.service.Enrolments;

public class EnrolmentPublisher implements Enrolments.Announcements {
    @Override
    public void enrolled(Enrolments source) {
        source.hashCode();
    }
}
