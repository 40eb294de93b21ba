package io.edgefleet.localinfra;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Command line used by {@code ./edgefleet}: runs Kafka or PostgreSQL in the foreground until the
 * process is stopped, and makes dev keys and tokens.
 *
 * <pre>
 * kafka    --dir D --port P
 * postgres --dir D --port P --databases a,b
 * createdb --jdbc-url URL --user U --password P --databases a,b   (an external server)
 * token    --keys D [--org O] [--role R] [--user U] [--ttl-hours H]
 * </pre>
 */
public final class DevInfra {

    private DevInfra() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length == 0) {
            usage();
        }
        Map<String, String> opts = options(Arrays.copyOfRange(args, 1, args.length));
        switch (args[0]) {
            case "kafka" -> runKafka(opts);
            case "postgres" -> runPostgres(opts);
            case "createdb" -> createDatabases(opts);
            case "token" -> System.out.println(token(opts));
            default -> usage();
        }
    }

    private static void runKafka(Map<String, String> opts) throws InterruptedException {
        KafkaBroker broker = new KafkaBroker(Path.of(required(opts, "dir")), Integer.parseInt(required(opts, "port")));
        Runtime.getRuntime().addShutdownHook(new Thread(broker::stop));
        broker.start();
        System.out.println("kafka ready on " + broker.bootstrapServers());
        new CountDownLatch(1).await();
    }

    private static void runPostgres(Map<String, String> opts) throws InterruptedException {
        PostgresServer server = PostgresServer.startPersistent(Path.of(required(opts, "dir")),
                Integer.parseInt(required(opts, "port")));
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        server.ensureDatabases(List.of(required(opts, "databases").split(",")));
        System.out.println("postgres ready on 127.0.0.1:" + server.port());
        new CountDownLatch(1).await();
    }

    private static void createDatabases(Map<String, String> opts) {
        try (Connection c = DriverManager.getConnection(required(opts, "jdbc-url"), required(opts, "user"),
                opts.getOrDefault("password", ""))) {
            PostgresServer.ensureDatabases(c, List.of(required(opts, "databases").split(",")));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create databases: " + e.getMessage(), e);
        }
    }

    private static String token(Map<String, String> opts) {
        DevKeys keys = new DevKeys(Path.of(required(opts, "keys"))).ensure();
        return new UserTokens(keys.privateKey()).mint(
                opts.getOrDefault("user", "dev-admin"),
                opts.getOrDefault("org", "default"),
                List.of(opts.getOrDefault("role", "fleet-admin").split(",")),
                Duration.ofHours(Long.parseLong(opts.getOrDefault("ttl-hours", "24"))));
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                usage();
            }
            opts.put(args[i].substring(2), args[i + 1]);
        }
        return opts;
    }

    private static String required(Map<String, String> opts, String name) {
        String value = opts.get(name);
        if (value == null) {
            System.err.println("missing --" + name);
            usage();
        }
        return value;
    }

    private static void usage() {
        System.err.println("usage: DevInfra kafka|postgres|createdb|token [--option value]...");
        System.exit(2);
    }
}
