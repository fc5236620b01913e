package uk.gov.bristol.alp.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A Kafka cluster of {@code n} KRaft nodes on loopback (each a combined broker and controller in its own JVM): topics
 * and internal topics replicated {@code n} times with {@code n - 1} in sync, so one node may die and nothing stops.
 * One node is the single broker of the ordinary stack.
 */
public final class KafkaCluster {
    /** Partitions per topic: enough for the consumer groups of several instances per service. */
    public static final int PARTITIONS = 6;

    private final List<KafkaBroker> nodes;

    private KafkaCluster(List<KafkaBroker> nodes) {
        this.nodes = nodes;
    }

    /** The single broker of the ordinary stack, as a cluster of one. */
    public static KafkaCluster of(KafkaBroker broker) {
        return new KafkaCluster(List.of(broker));
    }

    /** A fresh cluster of {@code size} (2 or more) nodes in {@code dir} (node-1, node-2, ...), not yet started. */
    public static KafkaCluster create(Path dir, int size) {
        if (size < 2) {
            throw new IllegalArgumentException("a cluster has 2 nodes or more; use of(KafkaBroker) for one");
        }
        List<Integer> clientPorts = new ArrayList<>();
        List<Integer> controllerPorts = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            clientPorts.add(Ports.free());
            controllerPorts.add(Ports.free());
        }
        String voters = IntStream.range(0, size)
                .mapToObj(i -> (i + 1) + "@127.0.0.1:" + controllerPorts.get(i))
                .collect(Collectors.joining(","));
        String clusterId = KafkaBroker.newClusterId();
        List<KafkaBroker> nodes = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            nodes.add(KafkaBroker.node(
                    dir.resolve("node-" + (i + 1)),
                    i + 1,
                    clientPorts.get(i),
                    controllerPorts.get(i),
                    voters,
                    size,
                    clusterId));
        }
        return new KafkaCluster(nodes);
    }

    /** Starts every node at once (each needs a quorum of controllers) and waits until all take requests. */
    public KafkaCluster start() {
        nodes.forEach(KafkaBroker::launch);
        nodes.forEach(KafkaBroker::awaitReady);
        return this;
    }

    public List<KafkaBroker> nodes() {
        return nodes;
    }

    public KafkaBroker node(int index) {
        return nodes.get(index);
    }

    /** Every node's client address, comma-separated. */
    public String bootstrapServers() {
        return nodes.stream().map(KafkaBroker::bootstrapServers).collect(Collectors.joining(","));
    }

    public void createTopics(Collection<String> topics) {
        KafkaBroker.createTopics(bootstrapServers(), topics, nodes.size() == 1 ? 3 : PARTITIONS, nodes.size());
    }

    public void stop() {
        nodes.forEach(KafkaBroker::stop);
    }
}
