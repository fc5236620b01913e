package uk.gov.bristol.alp.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server (zonky's packaged binaries, no install needed) on loopback, one per JVM,
 * with a database per service. The port is kept in a system property so that every class loader of
 * a Quarkus test run finds the same server.
 */
public final class PostgresServer {
    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";
    private static final String PORT_PROPERTY = "alp.infra.postgres.port";
    /** zonky's switch that keeps a clean-started data directory when the server stops. */
    private static final String NO_CLEANUP = "ot.epg.no-cleanup";

    private static EmbeddedPostgres server;
    private static Path lastDataDir;
    private static int lastPort;

    private PostgresServer() {}

    /** Starts the JVM-wide server once (fresh data), or returns the running one's port. */
    public static synchronized int shared() {
        String running = System.getProperty(PORT_PROPERTY);
        if (running != null) {
            return Integer.parseInt(running);
        }
        Path dataDir = InfraFiles.workDir("postgres-" + ProcessHandle.current().pid());
        int port;
        try {
            port = start(dataDir, true, Ports.free());
        } catch (UncheckedIOException e) {
            // The port found free may have been taken before the server bound it: once more, on another.
            port = start(dataDir, true, Ports.free());
        }
        System.setProperty(PORT_PROPERTY, Integer.toString(port));
        return port;
    }

    /** Starts a server on the data directory (kept between runs unless clean). */
    public static synchronized int start(Path dataDir, boolean clean, int port) {
        try {
            server = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(clean)
                    .setPort(port)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", "off")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(PostgresServer::stop));
            lastDataDir = dataDir;
            lastPort = server.getPort();
            return server.getPort();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start", e);
        }
    }

    public static synchronized void stop() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException ignored) {
                // the process is going away anyway
            }
            server = null;
        }
    }

    /**
     * Stops the server as an outage would, keeping its data (fault tests); {@link #resume()} starts it again. The
     * embedded server otherwise deletes a data directory it was told to start clean.
     */
    public static synchronized void stopKeepingData() {
        String before = System.getProperty(NO_CLEANUP);
        System.setProperty(NO_CLEANUP, "true");
        try {
            stop();
        } finally {
            if (before == null) {
                System.clearProperty(NO_CLEANUP);
            }
        }
    }

    /** Starts the server stopped by {@link #stopKeepingData()} again, on the same data and port. */
    public static synchronized void resume() {
        if (server == null && lastDataDir != null) {
            start(lastDataDir, false, lastPort);
        }
    }

    /**
     * Lets the named database take connections again, or refuses every new one and ends those open, as a network
     * partition between a service and its database would (for fault drills).
     */
    public static void allowConnections(int port, String name, boolean allow) {
        if (!name.matches("[a-z_]+")) {
            throw new IllegalArgumentException("database names are lower-case letters and underscores");
        }
        String admin = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        try (Connection c = DriverManager.getConnection(admin, USER, PASSWORD);
                Statement s = c.createStatement()) {
            s.execute("alter database " + name + " allow_connections " + allow);
            if (!allow) {
                s.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + name + "'");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot change connections to " + name, e);
        }
    }

    /** JDBC URL of the named database on the server at this port, created if missing. */
    public static String database(int port, String name) {
        if (!name.matches("[a-z_]+")) {
            throw new IllegalArgumentException("database names are lower-case letters and underscores");
        }
        String admin = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        try (Connection c = DriverManager.getConnection(admin, USER, PASSWORD);
                Statement s = c.createStatement()) {
            try (var rs = s.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
                if (!rs.next()) {
                    s.execute("create database " + name);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + name;
    }
}
