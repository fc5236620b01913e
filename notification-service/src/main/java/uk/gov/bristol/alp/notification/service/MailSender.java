package uk.gov.bristol.alp.notification.service;

/** The port to the SMTP relay: sends one message, or throws {@link MailFailure} when the relay does not take it. */
public interface MailSender {

    /** One message. {@code messageId} is stable for a notification, so a relay or inbox can spot a duplicate. */
    record OutgoingMail(String to, String subject, String body, String messageId) {}

    void send(OutgoingMail mail) throws MailFailure;

    /** The relay refused the message or could not be reached; worth another try later. */
    final class MailFailure extends Exception {
        public MailFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
