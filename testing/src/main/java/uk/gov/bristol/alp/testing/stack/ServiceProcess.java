package uk.gov.bristol.alp.testing.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import uk.gov.bristol.alp.testing.InfraFiles;
import uk.gov.bristol.alp.testing.Ports;

/** One ALP service (a built Quarkus application) running as its own JVM, configured by environment. */
public final class ServiceProcess implements Workload {
    private final String name;
    private final Path jar;
    private final int port;
    private final Map<String, String> env;
    private final Path log;
    private Process process;

    public ServiceProcess(String name, Path jar, int port, Map<String, String> env, Path logDir) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.env = env;
        this.log = logDir.resolve(name + ".log");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void start() {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build the project first (./alp build)");
        }
        List<String> command = new ArrayList<>(List.of(InfraFiles.javaBinary()));
        command.addAll(jvmOptions());
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        builder.environment().put("ALP_HTTP_PORT", Integer.toString(port));
        try {
            Files.createDirectories(log.getParent());
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(name + " did not start", e);
        }
    }

    /**
     * Small heaps and C1-only compilation start seven JVMs quickly on two cores (tests, {@code ./alp up}).
     * {@code ALP_SERVICE_JVM_OPTS} replaces them, e.g. with full tiered compilation for a benchmark, since
     * C1 alone leaves hot paths such as RSA token verification without their intrinsics.
     */
    private static List<String> jvmOptions() {
        String custom = System.getenv("ALP_SERVICE_JVM_OPTS");
        if (custom != null) {
            return custom.isBlank() ? List.of() : List.of(custom.strip().split("\\s+"));
        }
        return List.of("-XX:+UseSerialGC", "-Xms32m", "-Xmx256m", "-XX:TieredStopAtLevel=1");
    }

    @Override
    public void awaitReady(Duration timeout) {
        Ports.await(name + " ready at " + url(), timeout, () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited; see " + log);
            }
            return Http.status(url() + "/q/health/ready") == 200;
        });
    }

    @Override
    public long pid() {
        return process.pid();
    }

    /** SIGKILL. */
    @Override
    public void kill() {
        if (process != null) {
            process.destroyForcibly();
            process.onExit().join();
            process = null;
        }
    }

    @Override
    public void stop() {
        if (process != null) {
            process.destroy();
            process.onExit().join();
            process = null;
        }
    }
}
