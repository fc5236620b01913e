package uk.gov.bristol.alp.testing.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./alp up}: starts the whole system on the standard loopback ports, loads demo data, prints
 * where everything is, and runs until Ctrl-C or {@code ./alp stop}, then stops every process it started.
 */
public final class LocalStack {
    private LocalStack() {}

    public static void main(String[] args) throws Exception {
        Path repo =
                Path.of(System.getProperty("alp.repo", ".")).toAbsolutePath().normalize();
        Path work = repo.resolve(".alp-local");
        Stack stack = new Stack(repo, work.resolve("run"), work.resolve("keycloak"), Stack.PortPlan.standard());
        Path pidFile = work.resolve("stack.pid");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping the ALP stack...");
            stack.close();
            pidFile.toFile().delete();
            System.out.println("Stopped. Nothing left running.");
            stopped.countDown();
        }));
        Files.createDirectories(work);
        Files.writeString(pidFile, Long.toString(ProcessHandle.current().pid()));
        System.out.println("Starting PostgreSQL, Kafka, Keycloak, four services and the gateway on 127.0.0.1...");
        stack.start();
        DemoData.Loaded demo = DemoData.load(stack);
        Stack.PortPlan p = Stack.PortPlan.standard();
        System.out.printf(
                """

                ALP platform is ready (started in %.1f s).

                  Gateway (the API)     %s/api/v1/...
                  Swagger UI            %s/q/swagger-ui
                  Keycloak              %s   admin console: %s/admin  (admin / admin)
                  Services              registry :%d  panel :%d  placement :%d  finance :%d
                  PostgreSQL            127.0.0.1:%d (postgres / postgres)   Kafka 127.0.0.1:%d
                  Logs                  %s

                  Demo users (password "demo", client alp-web): hub.officer registry.officer panel.chair
                    panel.member send.officer finance.officer auditor operator school.a (URN 100001)
                    school.b (URN 100002) provider.a (provider %s)
                  Partner clients: partner-south-gloucestershire, partner-north-somerset
                    (secret partner-<authority>-demo-secret)
                  Demo providers: approved %s, applying %s, suspended %s; pupil %s at school.a

                  Get a token:
                    curl -s -d grant_type=password -d client_id=alp-web -d username=school.a -d password=demo \\
                      %s/protocol/openid-connect/token

                Ctrl-C (or ./alp stop) stops everything.
                """,
                stack.startupTime().toMillis() / 1000.0,
                stack.gatewayUrl(),
                stack.gatewayUrl(),
                stack.keycloak().url(),
                stack.keycloak().url(),
                p.registry(),
                p.panel(),
                p.placement(),
                p.finance(),
                p.postgres(),
                p.kafka(),
                work.resolve("run/logs"),
                demo.approvedProviderId(),
                demo.approvedProviderId(),
                demo.applyingProviderId(),
                demo.suspendedProviderId(),
                demo.pupilId(),
                stack.keycloak().issuer());
        stopped.await();
    }
}
