package uk.gov.bristol.alp.testing.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.gov.bristol.alp.testing.AlpServiceTestResource;
import uk.gov.bristol.alp.testing.KafkaBroker;
import uk.gov.bristol.alp.testing.KafkaCluster;
import uk.gov.bristol.alp.testing.Ports;
import uk.gov.bristol.alp.testing.PostgresServer;
import uk.gov.bristol.alp.testing.SmtpServer;

/**
 * The whole system on loopback, no containers: PostgreSQL (one database per service), a Kafka broker,
 * Keycloak with realm alp, the five services and the gateway, each service its own JVM, and an SMTP server that
 * keeps every email sent. Used by the one-command local run and by the end-to-end suite. Data starts fresh on every
 * start.
 */
public final class Stack implements AutoCloseable {
    public record PortPlan(
            int gateway,
            int registry,
            int panel,
            int placement,
            int finance,
            int notification,
            int keycloak,
            int keycloakManagement,
            int postgres,
            int kafka,
            int kafkaController,
            int smtp) {

        /** The documented ports of a local run. */
        public static PortPlan standard() {
            return new PortPlan(8080, 8081, 8082, 8083, 8084, 8085, 8180, 8190, 15432, 19092, 19093, 2525);
        }

        /** Free ports, for a test run beside anything else on the machine. */
        public static PortPlan free() {
            return new PortPlan(
                    Ports.free(),
                    Ports.free(),
                    Ports.free(),
                    Ports.free(),
                    Ports.free(),
                    Ports.free(),
                    Ports.free(),
                    Ports.free(),
                    Ports.free(),
                    Ports.free(),
                    Ports.free(),
                    Ports.free());
        }
    }

    /** Each service's own database. */
    private static final Map<String, String> DATABASES = Map.of(
            "registry",
            "alp_registry",
            "panel",
            "alp_panel",
            "placement",
            "alp_placement",
            "finance",
            "alp_finance",
            "notification",
            "alp_notification");

    private final Path repoRoot;
    private final Path workDir;
    private final Path keycloakCache;
    private final PortPlan ports;
    private final Map<String, Workload> services = new LinkedHashMap<>();
    private final Map<String, String> extraEnvironment = new LinkedHashMap<>();
    private int replicas = 1;
    private KeycloakServer keycloak;
    private KafkaCluster kafka;
    private SmtpServer mailbox;
    private int brokers = 1;
    private boolean fromManifests;
    private ManifestWorkloads manifests;
    private Duration startup;

    public Stack(Path repoRoot, Path workDir, Path keycloakCache, PortPlan ports) {
        this.repoRoot = repoRoot;
        this.workDir = workDir;
        this.keycloakCache = keycloakCache;
        this.ports = ports;
    }

    /** Variables given to every service and the gateway on top of the stack's own (for example an OTLP endpoint). */
    public Stack withEnvironment(Map<String, String> variables) {
        extraEnvironment.putAll(variables);
        return this;
    }

    /**
     * Runs {@code n} instances of each service, all registered with the gateway: the first on the plan's port, the
     * others 100 above it each on the standard plan (placement 8083, 8183, 8283), on free ports otherwise.
     */
    public Stack withReplicas(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("replicas must be 1 or more");
        }
        replicas = n;
        return this;
    }

    /**
     * Runs a Kafka cluster of {@code n} nodes (on free ports) instead of the single broker: topics with 6 partitions,
     * replicated n times, n - 1 in sync.
     */
    public Stack withBrokers(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("brokers must be 1 or more");
        }
        brokers = n;
        return this;
    }

    /**
     * Runs the services and the gateway as containers from the Kubernetes manifests (deploy/kubernetes, overlay
     * {@code local}, played by podman from the images {@code ./alp images} built) instead of JVMs of the jars. The
     * overlay's ports are the standard plan's, so the stack must use it.
     */
    public Stack withServicesFromManifests() {
        if (!ports.equals(PortPlan.standard()) || replicas != 1) {
            throw new IllegalStateException("the local overlay runs one instance of each on the standard ports");
        }
        fromManifests = true;
        return this;
    }

    public Stack start() {
        Instant began = Instant.now();
        try {
            Files.createDirectories(workDir);
            Files.createDirectories(keycloakCache);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        keycloak = new KeycloakServer(keycloakCache, ports.keycloak(), ports.keycloakManagement());
        keycloak.start(repoRoot.resolve("deploy/keycloak/alp-realm.json"));

        mailbox = SmtpServer.start(ports.smtp());
        PostgresServer.start(workDir.resolve("postgres"), true, ports.postgres());
        kafka = brokers == 1
                ? KafkaCluster.of(
                        KafkaBroker.create(workDir.resolve("kafka"), ports.kafka(), ports.kafkaController(), true))
                : KafkaCluster.create(workDir.resolve("kafka"), brokers);
        kafka.start();
        kafka.createTopics(AlpServiceTestResource.TOPICS);

        if (fromManifests) {
            startFromManifests();
        } else {
            startProcesses();
        }
        for (Workload s : services.values()) {
            s.awaitReady(Duration.ofSeconds(120));
        }
        keycloak.awaitReady(Duration.ofSeconds(240));
        startup = Duration.between(began, Instant.now());
        return this;
    }

    private void startFromManifests() {
        manifests = new ManifestWorkloads(repoRoot, workDir, extraEnvironment);
        Map<String, String> logins = new LinkedHashMap<>();
        DATABASES.forEach((name, database) -> {
            PostgresServer.database(ports.postgres(), database);
            logins.put(name, "alp-" + name + "-db-app");
        });
        manifests.play(logins, PostgresServer.USER, PostgresServer.PASSWORD);
        Map<String, Integer> standard = Map.of(
                "registry", ports.registry(),
                "panel", ports.panel(),
                "placement", ports.placement(),
                "finance", ports.finance(),
                "notification", ports.notification(),
                "gateway", ports.gateway());
        for (String name : List.of("registry", "panel", "placement", "finance", "notification", "gateway")) {
            services.put(name, manifests.workload(name, standard.get(name)));
        }
    }

    private void startProcesses() {
        Map<String, String> common = new LinkedHashMap<>(Map.of(
                "ALP_KAFKA",
                kafka.bootstrapServers(),
                "ALP_OIDC_URL",
                keycloak.issuer(),
                "ALP_DB_USER",
                PostgresServer.USER,
                "ALP_DB_PASSWORD",
                PostgresServer.PASSWORD,
                // Keycloak here speaks plain HTTP on loopback: the one-host exception to HTTPS-only tokens.
                "ALP_OIDC_ALLOW_HTTP",
                "true"));
        common.putAll(extraEnvironment);
        Path logs = logDirectory();
        Map<String, String> gatewayEnv = new LinkedHashMap<>(common);
        gatewayEnv.put(
                "ALP_REGISTRY_URL", service("registry", "provider-registry-service", ports.registry(), common, logs));
        gatewayEnv.put("ALP_PANEL_URL", service("panel", "inclusion-panel-service", ports.panel(), common, logs));
        gatewayEnv.put("ALP_PLACEMENT_URL", service("placement", "placement-service", ports.placement(), common, logs));
        gatewayEnv.put("ALP_FINANCE_URL", service("finance", "finance-service", ports.finance(), common, logs));
        Map<String, String> notificationEnv = new LinkedHashMap<>(common);
        notificationEnv.putAll(mailSettings());
        gatewayEnv.put(
                "ALP_NOTIFICATION_URL",
                service("notification", "notification-service", ports.notification(), notificationEnv, logs));
        services.put("gateway", new ServiceProcess("gateway", jar("gateway"), ports.gateway(), gatewayEnv, logs));

        services.values().forEach(Workload::start);
    }

    /**
     * The notification service's relay: the stack's own SMTP server on loopback, plain (no STARTTLS), sending every
     * second so a journey sees its email soon.
     */
    private Map<String, String> mailSettings() {
        return Map.of(
                "ALP_SMTP_HOST", "127.0.0.1",
                "ALP_SMTP_PORT", String.valueOf(ports.smtp()),
                "ALP_SMTP_START_TLS", "DISABLED",
                "ALP_NOTIFICATION_DISPATCH_EVERY", "1s",
                "ALP_APP_URL", "http://127.0.0.1:" + ports.gateway());
    }

    /** Adds the instances of one service ({@code name}, then {@code name-2}, ...); returns their URLs, comma-joined. */
    private String service(String name, String module, int port, Map<String, String> common, Path logs) {
        Map<String, String> env = new LinkedHashMap<>(common);
        env.put("ALP_DB_URL", PostgresServer.database(ports.postgres(), DATABASES.get(name)));
        List<String> urls = new ArrayList<>();
        for (int i = 1; i <= replicas; i++) {
            String instance = i == 1 ? name : name + "-" + i;
            int instancePort = i == 1 ? port : ports.equals(PortPlan.standard()) ? port + 100 * (i - 1) : Ports.free();
            ServiceProcess process = new ServiceProcess(instance, jar(module), instancePort, env, logs);
            services.put(instance, process);
            urls.add(process.url());
        }
        return String.join(",", urls);
    }

    private Path jar(String module) {
        return repoRoot.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /** Where each process writes its log ({name}.log); containers' logs are copied there when asked for. */
    public Path logDirectory() {
        Path logs = workDir.resolve("logs");
        if (manifests != null) {
            manifests.saveLogs(logs);
        }
        return logs;
    }

    public String gatewayUrl() {
        return services.get("gateway").url();
    }

    public String serviceUrl(String name) {
        return services.get(name).url();
    }

    /**
     * One of the running processes (registry, panel, placement, finance, notification, gateway; with replicas also placement-2
     * and so on), for fault drills.
     */
    public Workload service(String name) {
        return services.get(name);
    }

    /** The SMTP server the notification service sends to: every email the system sent, to read. */
    public SmtpServer mailbox() {
        return mailbox;
    }

    public KeycloakServer keycloak() {
        return keycloak;
    }

    /** The (first) Kafka broker. */
    public KafkaBroker kafka() {
        return kafka.node(0);
    }

    /** Every Kafka broker: one, or the cluster's nodes with {@link #withBrokers}. */
    public KafkaCluster kafkaCluster() {
        return kafka;
    }

    public KeycloakTokens tokens() {
        return new KeycloakTokens(keycloak.issuer());
    }

    public Duration startupTime() {
        return startup;
    }

    /** Process ids by name, for measuring (bench/stack-footprint). */
    /**
     * Cuts a service's database off for a while (new connections refused, open ones ended), then lets it back: what
     * a network partition between the service and its database does. Blocks for {@code howLong}.
     */
    public void cutDatabase(String service, Duration howLong) {
        PostgresServer.allowConnections(ports.postgres(), DATABASES.get(service), false);
        try {
            Thread.sleep(howLong.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            PostgresServer.allowConnections(ports.postgres(), DATABASES.get(service), true);
        }
    }

    /** The URLs of every instance of a service (one without replicas). */
    public List<String> instanceUrls(String name) {
        return services.entrySet().stream()
                .filter(e -> e.getKey().equals(name) || e.getKey().startsWith(name + "-"))
                .map(e -> e.getValue().url())
                .toList();
    }

    public Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        services.forEach((name, s) -> pids.put(name, s.pid()));
        return pids;
    }

    @Override
    public void close() {
        List<Workload> running = new ArrayList<>(services.values());
        Collections.reverse(running);
        if (manifests != null) {
            manifests.down();
        } else {
            running.forEach(Workload::stop);
        }
        if (keycloak != null) {
            keycloak.stop();
        }
        if (kafka != null) {
            kafka.stop();
        }
        PostgresServer.stop();
        if (mailbox != null) {
            mailbox.stop();
        }
    }
}
