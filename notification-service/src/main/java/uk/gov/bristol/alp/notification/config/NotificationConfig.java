package uk.gov.bristol.alp.notification.config;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** The notification service's own settings ({@code alp.notification.*}); the SMTP relay is {@code quarkus.mailer.*}. */
@ConfigMapping(prefix = "alp.notification")
public interface NotificationConfig {

    /** The address of the ALP front end, for the link in every message (no details travel by email). */
    String appUrl();

    /** How often the dispatcher sends what is due (a duration such as {@code 5s}; read by its schedule). */
    String dispatchEvery();

    /** When daily digests are composed (a Quartz cron expression; read by its schedule). */
    String digestCron();

    /** Notifications handed to the relay per dispatch round. */
    int batchSize();

    Retry retry();

    /** A send with no answer for this long is marked UNCERTAIN (the sender stopped) and never resent on its own. */
    Duration sendingTimeout();

    /** How the dispatcher retries a notification the relay refused or could not take. */
    interface Retry {
        /** Tries before the notification is FAILED. */
        int maxAttempts();

        /** The wait after the first failure, doubled after each further one. */
        Duration base();

        /** The longest wait between tries. */
        Duration max();
    }
}
