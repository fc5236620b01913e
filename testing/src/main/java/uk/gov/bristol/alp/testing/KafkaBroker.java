package uk.gov.bristol.alp.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * A real Kafka broker (KRaft, combined broker and controller) in its own JVM on loopback. Running it
 * out of process keeps the broker's dependencies off the services' classpath and lets a test kill it
 * and start it again on the same port and log directory, as an outage would.
 */
public final class KafkaBroker {
    private static final String DIR_PROPERTY = "alp.infra.kafka.dir";

    private final Path dir;
    private final int port;
    private final int controllerPort;
    private final int saslPort;
    /** This node's id, the controller quorum ("1@host:port,..."), and the replication factor of internal topics. */
    private final int nodeId;

    private final String voters;
    private final int replicas;

    /** The one account on the SASL listener (created when the log directory is formatted). */
    public static final String SCRAM_USER = "alp-service";

    public static final String SCRAM_PASSWORD = "alp-service-test-secret";

    private KafkaBroker(Path dir, int port, int controllerPort, int saslPort) {
        this(dir, port, controllerPort, saslPort, 1, "1@127.0.0.1:" + controllerPort, 1);
    }

    private KafkaBroker(Path dir, int port, int controllerPort, int saslPort, int nodeId, String voters, int replicas) {
        this.dir = dir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.saslPort = saslPort;
        this.nodeId = nodeId;
        this.voters = voters;
        this.replicas = replicas;
    }

    /**
     * One node of a cluster (KafkaCluster): {@code voters} names every node's controller, all nodes share
     * {@code clusterId}, internal topics keep {@code replicas} copies and need {@code replicas - 1} in sync.
     */
    static KafkaBroker node(
            Path dir, int nodeId, int port, int controllerPort, String voters, int replicas, String clusterId) {
        InfraFiles.deleteTree(dir.resolve("data"));
        KafkaBroker node = new KafkaBroker(dir, port, controllerPort, Ports.free(), nodeId, voters, replicas);
        node.writeConfig();
        try {
            Files.writeString(dir.resolve("cluster.id"), clusterId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return node;
    }

    /** The JVM-wide broker for tests, started once with every topic created. */
    public static synchronized KafkaBroker shared(Collection<String> topics) {
        String running = System.getProperty(DIR_PROPERTY);
        if (running != null) {
            return attach(Path.of(running));
        }
        KafkaBroker broker =
                startFresh(InfraFiles.workDir("kafka-" + ProcessHandle.current().pid()));
        broker.createTopics(topics);
        System.setProperty(DIR_PROPERTY, broker.dir.toString());
        Runtime.getRuntime().addShutdownHook(new Thread(broker::stop));
        return broker;
    }

    /**
     * A fresh broker in this folder on ports free now, started and ready. A port found free can be taken by another
     * process before the broker binds it; then the broker exits at once and is started again on other ports (up to
     * three times), and a last failure carries the end of the broker's log.
     */
    private static KafkaBroker startFresh(Path dir) {
        IllegalStateException last = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            int[] ports = Ports.free(3);
            KafkaBroker broker = new KafkaBroker(dir, ports[0], ports[1], ports[2]);
            InfraFiles.deleteTree(dir.resolve("data"));
            broker.writeConfig();
            try {
                broker.start();
                return broker;
            } catch (IllegalStateException e) {
                broker.stop();
                last = new IllegalStateException(
                        e.getMessage() + " (attempt " + attempt + "); broker.log ends:\n" + broker.logTail(), e);
            }
        }
        throw last;
    }

    /** The last lines of the broker's log, for failure messages. */
    private String logTail() {
        Path log = dir.resolve("broker.log");
        try {
            List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    /** The shared broker, from any class loader (state lives in its folder). */
    public static KafkaBroker shared() {
        String running = System.getProperty(DIR_PROPERTY);
        if (running == null) {
            throw new IllegalStateException("no shared Kafka broker has been started in this JVM");
        }
        return attach(Path.of(running));
    }

    /** A broker in this folder; with fresh, any earlier log is wiped first. */
    public static KafkaBroker create(Path dir, int port, int controllerPort, boolean fresh) {
        if (fresh) {
            InfraFiles.deleteTree(dir.resolve("data"));
        }
        KafkaBroker broker = new KafkaBroker(dir, port, controllerPort, Ports.free());
        broker.writeConfig();
        return broker;
    }

    private static KafkaBroker attach(Path dir) {
        try {
            List<String> ports = Files.readAllLines(dir.resolve("ports"));
            return new KafkaBroker(
                    dir,
                    Integer.parseInt(ports.get(0)),
                    Integer.parseInt(ports.get(1)),
                    Integer.parseInt(ports.get(2)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /**
     * The broker's second listener, SASL (SCRAM-SHA-512) over plain TCP, where only {@link #SCRAM_USER} gets in: for
     * tests that a service's every Kafka client authenticates (KafkaSaslTest).
     */
    public String saslBootstrapServers() {
        return "127.0.0.1:" + saslPort;
    }

    /** The JAAS line a client logs in with on the SASL listener. */
    public static String scramJaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user + "\" password=\""
                + password + "\";";
    }

    /** Formats the log directory on first use, starts the broker and waits until it takes requests. */
    public synchronized void start() {
        launch();
        awaitReady();
    }

    /**
     * Formats the log directory on first use and starts the broker without waiting (a cluster's nodes must all be
     * launched before any can take requests: each needs a quorum of controllers).
     */
    synchronized void launch() {
        stop();
        try {
            if (!Files.exists(dir.resolve("data/meta.properties"))) {
                run(
                        List.of(
                                "kafka.tools.StorageTool",
                                "format",
                                "--cluster-id=" + clusterId(),
                                "--add-scram",
                                "SCRAM-SHA-512=[name=" + SCRAM_USER + ",password=" + SCRAM_PASSWORD + "]",
                                "-c",
                                config().toString()),
                        "format.log",
                        true);
            }
            Process broker = run(List.of("kafka.Kafka", config().toString()), "broker.log", false);
            Files.writeString(dir.resolve("broker.pid"), Long.toString(broker.pid()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the broker takes requests. */
    void awaitReady() {
        Ports.await("Kafka on port " + port, Duration.ofSeconds(90), () -> {
            if (!isRunning()) {
                throw new IllegalStateException("Kafka exited; see " + dir.resolve("broker.log"));
            }
            return Ports.isOpen(port);
        });
    }

    /** Stops the broker as a crash would (SIGKILL): nothing is flushed politely. */
    public synchronized void kill() {
        pid().flatMap(ProcessHandle::of).ifPresent(p -> {
            p.destroyForcibly();
            p.onExit().join();
        });
    }

    /** Stops the broker cleanly, if it runs. */
    public synchronized void stop() {
        pid().flatMap(ProcessHandle::of).ifPresent(p -> {
            p.destroy();
            try {
                p.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        });
    }

    public boolean isRunning() {
        return pid().flatMap(ProcessHandle::of).map(ProcessHandle::isAlive).orElse(false);
    }

    public void createTopics(Collection<String> topics) {
        createTopics(bootstrapServers(), topics, 3, 1);
    }

    /** Topics with {@code partitions}, {@code replicas} copies and, with more than one, replicas - 1 in sync. */
    static void createTopics(String bootstrapServers, Collection<String> topics, int partitions, int replicas) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream()
                    .filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, partitions, (short) replicas)
                            .configs(Map.of("min.insync.replicas", Integer.toString(Math.max(1, replicas - 1)))))
                    .toList();
            admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create topics " + topics, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Optional<Long> pid() {
        Path file = dir.resolve("broker.pid");
        try {
            return Files.exists(file)
                    ? Optional.of(Long.parseLong(Files.readString(file).trim()))
                    : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Process run(List<String> mainAndArgs, String log, boolean waitFor) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                InfraFiles.javaBinary(),
                "-Xms64m",
                "-Xmx384m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Dlog4j2.configurationFile=" + dir.resolve("log4j2.properties"),
                "-cp",
                InfraFiles.resource("alp-infra/kafka.classpath")
                        + File.pathSeparator
                        + InfraFiles.resource("alp-infra/kafka-shared.classpath")));
        command.addAll(mainAndArgs);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(
                        ProcessBuilder.Redirect.appendTo(dir.resolve(log).toFile()))
                .start();
        if (waitFor) {
            try {
                if (process.waitFor() != 0) {
                    throw new IllegalStateException("Kafka " + mainAndArgs.get(0) + " failed; see " + dir.resolve(log));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return process;
    }

    private String clusterId() throws IOException {
        Path file = dir.resolve("cluster.id");
        if (!Files.exists(file)) {
            Files.writeString(file, newClusterId());
        }
        return Files.readString(file).trim();
    }

    /**
     * A Kafka cluster id: 16 random bytes, URL-safe base64 without padding. Like Kafka's own generator, never one
     * starting with '-': command-line parsers read that as an option.
     */
    static String newClusterId() {
        String id;
        do {
            UUID uuid = UUID.randomUUID();
            byte[] bytes = ByteBuffer.allocate(16)
                    .putLong(uuid.getMostSignificantBits())
                    .putLong(uuid.getLeastSignificantBits())
                    .array();
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } while (id.startsWith("-"));
        return id;
    }

    private Path config() {
        return dir.resolve("server.properties");
    }

    private void writeConfig() {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("ports"), port + "\n" + controllerPort + "\n" + saslPort + "\n");
            Files.writeString(
                    config(),
                    String.join(
                            "\n",
                            "process.roles=broker,controller",
                            "node.id=" + nodeId,
                            "controller.quorum.voters=" + voters,
                            "listeners=PLAINTEXT://127.0.0.1:" + port + ",SASL_PLAINTEXT://127.0.0.1:" + saslPort
                                    + ",CONTROLLER://127.0.0.1:" + controllerPort,
                            "advertised.listeners=PLAINTEXT://127.0.0.1:" + port + ",SASL_PLAINTEXT://127.0.0.1:"
                                    + saslPort,
                            "controller.listener.names=CONTROLLER",
                            "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT,"
                                    + "CONTROLLER:PLAINTEXT",
                            "sasl.enabled.mechanisms=SCRAM-SHA-512",
                            "listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config="
                                    + "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                            "inter.broker.listener.name=PLAINTEXT",
                            "log.dirs=" + dir.resolve("data"),
                            "num.partitions=3",
                            "offsets.topic.replication.factor=" + replicas,
                            "offsets.topic.num.partitions=5",
                            "default.replication.factor=" + replicas,
                            "min.insync.replicas=" + Math.max(1, replicas - 1),
                            "transaction.state.log.replication.factor=" + replicas,
                            "transaction.state.log.min.isr=" + Math.max(1, replicas - 1),
                            "share.coordinator.state.topic.replication.factor=" + replicas,
                            "share.coordinator.state.topic.min.isr=" + Math.max(1, replicas - 1),
                            "group.initial.rebalance.delay.ms=0",
                            "auto.create.topics.enable=true",
                            ""));
            Files.writeString(
                    dir.resolve("log4j2.properties"),
                    String.join(
                            "\n",
                            "rootLogger.level=WARN",
                            "rootLogger.appenderRef.out.ref=out",
                            "appender.out.type=Console",
                            "appender.out.name=out",
                            "appender.out.layout.type=PatternLayout",
                            "appender.out.layout.pattern=%d %p [%c] %m%n",
                            "logger.kafka.name=kafka.server.KafkaRaftServer",
                            "logger.kafka.level=INFO",
                            ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
