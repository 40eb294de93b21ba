package io.edgefleet.localinfra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;

/**
 * A real single-node KRaft Kafka broker running Kafka's own server code in a child JVM.
 *
 * <p>A child process rather than an in-JVM broker: its memory and dependencies stay out of the
 * service under test, and tests can stop it and start it again on the same port and log
 * directory to prove that nothing is lost while Kafka is unreachable.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private final Path logFile;
    private Process process;

    /** @param dataDir directory for the broker's log segments and metadata; formatted once. */
    public KafkaBroker(Path dataDir, int port) {
        this.dataDir = dataDir.toAbsolutePath();
        this.port = port;
        this.controllerPort = Ports.free();
        this.logFile = this.dataDir.resolve("broker.log");
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Formats storage on first use, starts the broker and waits until it accepts connections. */
    public synchronized KafkaBroker start() {
        if (isRunning()) {
            return this;
        }
        try {
            Files.createDirectories(dataDir);
            Path config = writeServerProperties();
            if (!Files.exists(dataDir.resolve("logs/meta.properties"))) {
                format(config);
            }
            process = javaProcess(config, "kafka.Kafka", config.toString()).start();
            awaitPort();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Stops the broker process, keeping its data: {@link #start()} resumes with the same topics. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        process = null;
    }

    @Override
    public void close() {
        stop();
    }

    private Path writeServerProperties() throws IOException {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", dataDir.resolve("logs").toString());
        p.setProperty("num.partitions", "3");
        p.setProperty("auto.create.topics.enable", "true");
        // A single node: every replication factor and min ISR must be 1.
        for (String key : List.of("offsets.topic.replication.factor", "transaction.state.log.replication.factor",
                "share.coordinator.state.topic.replication.factor", "default.replication.factor")) {
            p.setProperty(key, "1");
        }
        for (String key : List.of("transaction.state.log.min.isr", "share.coordinator.state.topic.min.isr",
                "min.insync.replicas")) {
            p.setProperty(key, "1");
        }
        // Fast consumer-group start for tests and the dev stack.
        p.setProperty("offsets.topic.num.partitions", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        Path file = dataDir.resolve("server.properties");
        try (var out = Files.newOutputStream(file)) {
            p.store(out, "EdgeFleet local KRaft broker");
        }
        return file;
    }

    private void format(Path config) throws IOException {
        ProcessBuilder pb = javaProcess(config, "kafka.tools.StorageTool",
                "format", "--cluster-id=" + randomClusterId(), "-c", config.toString(), "--standalone");
        try {
            int exit = pb.start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException("Kafka storage format failed (exit " + exit + "), see " + logFile);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while formatting Kafka storage", e);
        }
    }

    private ProcessBuilder javaProcess(Path config, String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xms64m", "-Xmx512m",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dlog4j2.level=WARN",
                "-cp", brokerClasspath(), mainClass));
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
    }

    private void awaitPort() {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka broker exited with " + process.exitValue() + ", see " + logFile);
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                pause();
            }
        }
        stop();
        throw new IllegalStateException("Kafka broker not ready after " + READY_TIMEOUT + ", see " + logFile);
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String brokerClasspath() {
        try (InputStream in = KafkaBroker.class.getResourceAsStream("kafka.classpath")) {
            if (in == null) {
                throw new IllegalStateException("kafka.classpath missing: build local-infra with Maven first");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * Kafka cluster ids are 16 random bytes in unpadded URL-safe Base64. Like Kafka's own
     * generator, avoid a leading '-', which command-line parsers read as an option.
     */
    private static String randomClusterId() {
        SecureRandom random = new SecureRandom();
        byte[] bytes = new byte[16];
        String id;
        do {
            random.nextBytes(bytes);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } while (id.startsWith("-"));
        return id;
    }
}
