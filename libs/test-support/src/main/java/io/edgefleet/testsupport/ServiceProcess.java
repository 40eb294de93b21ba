package io.edgefleet.testsupport;

import io.edgefleet.localinfra.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;

/**
 * A packaged service running as its own OS process against the test infrastructure, so a test
 * can kill it the hard way ({@code SIGKILL}) and start it again.
 */
public final class ServiceProcess implements AutoCloseable {

    private final Path jar;
    private final Map<String, String> config;
    private final Path log;
    private final int port = Ports.free();
    private Process process;

    /** @param config Quarkus configuration, e.g. what {@link EdgeFleetInfra#start()} returned */
    public ServiceProcess(Path jar, Map<String, String> config) {
        this.jar = jar;
        this.config = new java.util.LinkedHashMap<>(config);
        try {
            this.log = Files.createTempFile("service-process-", ".log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds a setting that depends on this process's address, e.g. the public URL it hands out. */
    public ServiceProcess with(String key, java.util.function.Function<String, String> fromBaseUrl) {
        config.put(key, fromBaseUrl.apply(baseUrl()));
        return this;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Where the process's output goes. */
    public Path log() {
        return log;
    }

    /** Starts the process and waits until it answers on liveness (readiness may wait for Kafka). */
    public ServiceProcess start() {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-Dquarkus.http.port=" + port));
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", jar.toString()));
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Awaitility.await("service live, log " + log).atMost(Duration.ofSeconds(90)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("service exited, see " + log);
            }
            return status("/q/health/live") == 200;
        });
        return this;
    }

    /** Kills the process without any chance to clean up, like a crash or an OOM kill. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }

    private int status(String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
