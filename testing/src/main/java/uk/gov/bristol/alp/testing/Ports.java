package uk.gov.bristol.alp.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/** Loopback ports and waiting, for the servers this module starts. */
public final class Ports {
    /**
     * Ports are chosen below the kernel's ephemeral range: a port the kernel hands out (port 0) may be given again,
     * between choosing it and the server binding it, as the local port of one of the many outgoing connections a
     * starting stack makes; a gateway then exited with "port in use" (seen once in a full build). Ports under the
     * range are never given to outgoing connections.
     */
    private static final int BELOW = ephemeralRangeStart();

    private static final int SPAN = 12_000;
    /** Where this JVM starts looking, so test JVMs running side by side rarely try the same ports. */
    private static final AtomicInteger NEXT =
            new AtomicInteger(ThreadLocalRandom.current().nextInt(SPAN));

    private Ports() {}

    public static int free() {
        return free(1)[0];
    }

    /** {@code count} distinct free ports: each socket is held until all are chosen, so none is picked twice. */
    public static int[] free(int count) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0, tries = 0; i < count; tries++) {
                if (tries > SPAN) {
                    throw new IllegalStateException("no free loopback port below " + BELOW);
                }
                int port = BELOW - SPAN + Math.floorMod(NEXT.getAndIncrement(), SPAN);
                ServerSocket socket = bind(port);
                if (socket != null) {
                    held.add(socket);
                    ports[i++] = port;
                }
            }
            return ports;
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing a listening socket we opened; nothing to recover
                }
            }
        }
    }

    private static ServerSocket bind(int port) {
        try {
            return new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
        } catch (IOException taken) {
            return null;
        }
    }

    /** The first port of the kernel's ephemeral range (Linux), else 32768, Linux's default. */
    private static int ephemeralRangeStart() {
        try {
            String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))
                    .strip();
            int start = Integer.parseInt(range.split("\\s+")[0]);
            return start > SPAN + 1024 ? start : 32768;
        } catch (IOException | RuntimeException e) {
            return 32768;
        }
    }

    public static boolean isOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Polls until the condition holds; fails with the description after the timeout. */
    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for " + what, e);
            }
        }
    }
}
