package uk.gov.bristol.alp.notification.messaging;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import uk.gov.bristol.alp.notification.service.MailSender;

/**
 * Sends through the SMTP relay set by {@code quarkus.mailer.*} (a council relay, or GOV.UK Notify's SMTP gateway).
 * Plain text only; the same Message-ID on every try.
 */
@ApplicationScoped
public class SmtpMailSender implements MailSender {
    private final Mailer mailer;

    public SmtpMailSender(Mailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public void send(OutgoingMail mail) throws MailFailure {
        try {
            mailer.send(
                    Mail.withText(mail.to(), mail.subject(), mail.body()).addHeader("Message-ID", mail.messageId()));
        } catch (RuntimeException e) {
            throw new MailFailure("the relay did not take the message: " + e.getMessage(), e);
        }
    }
}
