package uk.gov.bristol.alp.testing.archfixture.bad.messaging;

import uk.gov.bristol.alp.testing.archfixture.bad.service.Enrolments;

public class EnrolmentPublisher {
    public void publish(Enrolments source) {
        source.hashCode();
    }
}
