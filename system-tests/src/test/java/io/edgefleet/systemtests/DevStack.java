package io.edgefleet.systemtests;

import io.edgefleet.localinfra.Ports;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Drives {@code ./edgefleet} as a user would, on ports and a state directory of its own so it
 * never meets a developer's running stack.
 */
final class DevStack implements AutoCloseable {

    private final Path root = Path.of(System.getProperty("edgefleet.root")).toAbsolutePath().normalize();
    private final Path state;
    private final int httpBase = freeBase();
    private final int kafkaPort = Ports.free();
    private final int postgresPort = Ports.free();
    private final Map<String, String> environment = new java.util.HashMap<>();

    DevStack() throws IOException {
        state = Files.createTempDirectory("edgefleet-stack-");
    }

    /** An environment variable for every later {@code ./edgefleet} call (e.g. {@code EDGEFLEET_SIMULATOR_ARGS}). */
    DevStack with(String name, String value) {
        environment.put(name, value);
        return this;
    }

    String up(String... options) throws Exception {
        return run("up", options);
    }

    /** {@code ./edgefleet token ROLE ORG SUBJECT}: a user token as that subject. */
    String token(String role, String org, String subject) throws Exception {
        return run("token", role, org, subject).trim();
    }

    String down() throws Exception {
        return run("down");
    }

    Path stateDir() {
        return state;
    }

    String serviceUrl(int index) {
        return "http://127.0.0.1:" + (httpBase + index);
    }

    String kafkaBootstrap() {
        return "127.0.0.1:" + kafkaPort;
    }

    Path root() {
        return root;
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + postgresPort + "/" + database;
    }

    /** The lines of a component's log (.edgefleet/logs/NAME.log) containing {@code text}, at most 40: for failure messages. */
    String logLines(String name, String text) throws IOException {
        Path log = state.resolve("logs").resolve(name + ".log");
        if (!Files.exists(log)) {
            return "(no " + log + ")";
        }
        try (var lines = Files.lines(log)) {
            return String.join("\n", lines.filter(l -> l.contains(text)).limit(40).map(l -> l.length() > 400
                    ? l.substring(0, 400) : l).toList());
        }
    }

    String adminToken() throws IOException {
        return Files.readString(state.resolve("admin.token")).trim();
    }

    /** {@code kill -9} of one component the stack started ({@code inventory}, {@code kafka}, ...), waiting until it is gone. */
    void kill9(String component) throws IOException {
        long pid = Long.parseLong(Files.readString(state.resolve("pids").resolve(component + ".pid")).trim());
        ProcessHandle.of(pid).ifPresent(process -> {
            process.destroyForcibly();
            process.onExit().join();
        });
    }

    /** Processes whose command line names this stack's state directory, i.e. started by it. */
    List<ProcessHandle> processes() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(state.toString())).orElse(false))
                .toList();
    }

    private String run(String command, String... options) throws Exception {
        List<String> line = new java.util.ArrayList<>(List.of("bash", root.resolve("edgefleet").toString(), command));
        line.addAll(List.of(options));
        ProcessBuilder builder = new ProcessBuilder(line).directory(root.toFile()).redirectErrorStream(true);
        builder.environment().putAll(Map.of(
                "EDGEFLEET_STATE_DIR", state.toString(),
                "EDGEFLEET_HTTP_PORT_BASE", Integer.toString(httpBase),
                "EDGEFLEET_KAFKA_PORT", Integer.toString(kafkaPort),
                "EDGEFLEET_POSTGRES_PORT", Integer.toString(postgresPort)));
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("./edgefleet " + command + " failed:\n" + output + logNamedIn(output));
        }
        return output;
    }

    /** The end of the log a failed start names ("see .../logs/update.log"): the state directory is gone after the test. */
    private static String logNamedIn(String output) {
        java.util.regex.Matcher named = java.util.regex.Pattern.compile("see (\\S+\\.log)").matcher(output);
        if (!named.find()) {
            return "";
        }
        try {
            List<String> lines = Files.readAllLines(Path.of(named.group(1)), StandardCharsets.UTF_8);
            return "\n--- last lines of " + named.group(1) + " ---\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "\n(" + named.group(1) + " unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws Exception {
        if (!processes().isEmpty()) {
            down();
        }
        try (Stream<Path> files = Files.walk(state)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** Six consecutive free ports above the base, one per service. */
    private static int freeBase() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = 20_000 + (int) (Math.random() * 30_000);
            if (IntStream.rangeClosed(1, 6).allMatch(i -> isFree(base + i))) {
                return base;
            }
        }
        throw new IllegalStateException("no six consecutive free ports found");
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
