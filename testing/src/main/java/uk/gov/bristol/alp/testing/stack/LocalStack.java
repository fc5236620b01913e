package uk.gov.bristol.alp.testing.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./alp up [--replicas N] [--brokers M] [--containers]}: starts the whole system on the standard loopback
 * ports (with N instances of each service behind the gateway, a Kafka cluster of M brokers, or the services and
 * gateway as containers from the Kubernetes manifests' local overlay), loads demo data, prints where everything is,
 * and runs until Ctrl-C or {@code ./alp stop}, then stops every process it started.
 */
public final class LocalStack {
    private LocalStack() {}

    public static void main(String[] args) throws Exception {
        Path repo =
                Path.of(System.getProperty("alp.repo", ".")).toAbsolutePath().normalize();
        Path work = repo.resolve(".alp-local");
        int replicas = option(args, "--replicas");
        int brokers = option(args, "--brokers");
        boolean containers = List.of(args).contains("--containers");
        Stack stack = new Stack(repo, work.resolve("run"), work.resolve("keycloak"), Stack.PortPlan.standard())
                .withReplicas(replicas)
                .withBrokers(brokers);
        if (containers) {
            stack.withServicesFromManifests();
        }
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
        System.out.printf(
                "Starting PostgreSQL, Kafka%s, Keycloak, five services%s, the gateway and a mail catcher on 127.0.0.1%s...%n",
                brokers > 1 ? " (" + brokers + " brokers)" : "",
                replicas > 1 ? " (" + replicas + " instances each)" : "",
                containers ? " (services and gateway in containers: podman kube play of deploy/kubernetes)" : "");
        stack.start();
        DemoData.Loaded demo = DemoData.load(stack);
        Stack.PortPlan p = Stack.PortPlan.standard();
        System.out.printf(
                """

                ALP platform is ready (started in %.1f s).

                  Gateway (the API)     %s/api/v1/...
                  Swagger UI            %s/q/swagger-ui
                  Keycloak              %s   admin console: %s/admin  (admin / admin)
                  Services              %s
                  PostgreSQL            127.0.0.1:%d (postgres / postgres)   Kafka %s
                  Mail catcher (SMTP)   127.0.0.1:%d: keeps every email; read them as hub.officer at
                                        %s/api/v1/notifications
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
                instances(stack),
                p.postgres(),
                stack.kafkaCluster().bootstrapServers(),
                p.smtp(),
                stack.gatewayUrl(),
                containers
                        ? "podman logs <deployment>-pod-0-<deployment>  (CONTAINERS_CONF=deploy/images/containers.conf)"
                        : work.resolve("run/logs"),
                demo.approvedProviderId(),
                demo.approvedProviderId(),
                demo.applyingProviderId(),
                demo.suspendedProviderId(),
                demo.pupilId(),
                stack.keycloak().issuer());
        stopped.await();
    }

    /** The value (1-9) of {@code --replicas N} or {@code --brokers N}; 1 when absent. */
    private static int option(String[] args, String name) {
        int value = 1;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--containers")) {
                continue;
            }
            boolean known = args[i].equals("--replicas") || args[i].equals("--brokers");
            if (!known || i + 1 >= args.length || !args[i + 1].matches("[1-9]")) {
                throw new IllegalArgumentException(
                        "usage: ./alp up [--replicas 1-9] [--brokers 1-9] [--containers]; not understood: " + args[i]);
            }
            if (args[i].equals(name)) {
                value = Integer.parseInt(args[i + 1]);
            }
            i++;
        }
        return value;
    }

    /** "registry :8081  panel :8082 ..." (with replicas: "registry :8081,8181 ..."). */
    private static String instances(Stack stack) {
        StringBuilder line = new StringBuilder();
        for (String name : List.of("registry", "panel", "placement", "finance", "notification")) {
            line.append(name)
                    .append(" :")
                    .append(String.join(
                            ",",
                            stack.instanceUrls(name).stream()
                                    .map(url -> url.substring(url.lastIndexOf(':') + 1))
                                    .toList()))
                    .append("  ");
        }
        return line.toString().strip();
    }
}
