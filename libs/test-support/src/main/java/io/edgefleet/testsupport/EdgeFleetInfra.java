package io.edgefleet.testsupport;

import io.edgefleet.localinfra.DevKeys;
import io.edgefleet.localinfra.KafkaBroker;
import io.edgefleet.localinfra.Ports;
import io.edgefleet.localinfra.PostgresServer;
import io.edgefleet.localinfra.UserTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Starts a real KRaft Kafka broker and a real PostgreSQL server once per test JVM (one module
 * run) and points Quarkus at them, together with a freshly generated JWT verification key.
 * Register it once per module with {@code @QuarkusTestResource(EdgeFleetInfra.class)}.
 */
public class EdgeFleetInfra implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE = "edgefleet_test";

    private static PostgresServer postgres;
    private static KafkaBroker kafka;
    private static DevKeys keys;

    @Override
    public synchronized Map<String, String> start() {
        if (postgres == null) {
            Path workDir = tempDir();
            keys = new DevKeys(workDir.resolve("keys")).ensure();
            postgres = PostgresServer.startEphemeral();
            postgres.ensureDatabases(List.of(DATABASE));
            kafka = new KafkaBroker(workDir.resolve("kafka"), Ports.free()).start();
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(DATABASE),
                "quarkus.datasource.username", PostgresServer.USER,
                "quarkus.datasource.password", "postgres",
                "kafka.bootstrap.servers", kafka.bootstrapServers(),
                "mp.jwt.verify.publickey.location", keys.publicKeyFile().toUri().toString(),
                "mp.jwt.verify.issuer", UserTokens.ISSUER,
                "mp.jwt.verify.audiences", UserTokens.AUDIENCE);
    }

    @Override
    public synchronized void stop() {
        // Kept for the whole JVM: every Quarkus app restart in this module reuses them.
    }

    /** The broker, so a test can stop and restart it to prove nothing is lost meanwhile. */
    public static KafkaBroker kafka() {
        return kafka;
    }

    public static String jdbcUrl() {
        return postgres.jdbcUrl(DATABASE);
    }

    /** A database of its own on the test server (for a second service in one test), created if missing. */
    public static String jdbcUrl(String database) {
        postgres.ensureDatabases(List.of(database));
        return postgres.jdbcUrl(database);
    }

    static DevKeys keys() {
        return keys;
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // best effort: it is a temporary directory
        }
    }

    private static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("edgefleet-test-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                if (kafka != null) {
                    kafka.stop();
                }
                if (postgres != null) {
                    postgres.close();
                }
                deleteRecursively(dir);
            }));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
