package uk.gov.bristol.alp.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Gives a service under {@code @QuarkusTest} a REAL SMTP server ({@link SmtpServer}) as its mail relay, shared by
 * the module's test classes: {@link #server()} reads what it received.
 */
public class SmtpTestResource implements QuarkusTestResourceLifecycleManager {
    private static SmtpServer server;

    public static synchronized SmtpServer server() {
        if (server == null) {
            server = SmtpServer.start(Ports.free());
        }
        return server;
    }

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", String.valueOf(server().port()));
    }

    @Override
    public void stop() {
        // Shared by the module's test classes; GreenMail's threads end with the JVM.
    }
}
