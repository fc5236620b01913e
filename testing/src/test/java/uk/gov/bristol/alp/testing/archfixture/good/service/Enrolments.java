package uk.gov.bristol.alp.testing.archfixture.good.service;

/** Keeps the template: the use case announces through its own port. */
public class Enrolments {
    public interface Announcements {
        void enrolled(Enrolments source);
    }

    public void enrol(Announcements announcements) {
        announcements.enrolled(this);
    }
}
