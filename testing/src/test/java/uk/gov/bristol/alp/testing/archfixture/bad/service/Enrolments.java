package uk.gov.bristol.alp.testing.archfixture.bad.service;

import uk.gov.bristol.alp.testing.archfixture.bad.messaging.EnrolmentPublisher;

/** Breaks the template on purpose: a use case that calls a messaging publisher (and so makes a cycle). */
public class Enrolments {
    public void enrol(EnrolmentPublisher publisher) {
        publisher.publish(this);
    }
}
