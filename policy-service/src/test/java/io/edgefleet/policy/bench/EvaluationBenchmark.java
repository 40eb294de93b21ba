package io.edgefleet.policy.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.edgefleet.events.inventory.ClusterInventoryChanged;
import io.edgefleet.events.inventory.DeviceState;
import io.edgefleet.events.inventory.NetworkConfig;
import io.edgefleet.events.inventory.NodeAllocation;
import io.edgefleet.events.provisioning.DeviceFacts;
import io.edgefleet.localinfra.PostgresServer;
import io.edgefleet.policy.definition.BuiltInLibrary;
import io.edgefleet.policy.engine.AdmissionRequest;
import io.edgefleet.policy.engine.CompiledRule;
import io.edgefleet.policy.engine.CostLimits;
import io.edgefleet.policy.engine.DeviceDocument;
import io.edgefleet.policy.engine.PolicyEngine;
import io.edgefleet.policy.engine.PolicyInput;
import io.edgefleet.policy.engine.RuleKind;
import io.edgefleet.policy.engine.RuleSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Measures policy evaluation at fleet scale against the time to read the same devices from
 * PostgreSQL, on this machine. Not a test: run it, read the figures (policy-service README).
 *
 * <pre>./mvnw -q -pl policy-service exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.edgefleet.policy.bench.EvaluationBenchmark [-Dexec.args="10000 100"]</pre>
 */
public final class EvaluationBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    private EvaluationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int devices = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int assignments = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        PolicyEngine engine = new PolicyEngine(CostLimits.defaults());
        List<CompiledRule> rules = assignments(engine, assignments);
        try (PostgresServer postgres = PostgresServer.startEphemeral()) {
            postgres.ensureDatabases(List.of("bench"));
            try (Connection db = DriverManager.getConnection(postgres.jdbcUrl("bench"), PostgresServer.USER, "postgres")) {
                store(db, devices);
                long[] read = new long[5];
                List<DeviceDocument> documents = null;
                for (int run = 0; run < read.length; run++) {
                    long start = System.nanoTime();
                    List<String[]> rows = read(db);
                    read[run] = System.nanoTime() - start;
                    documents = rows.stream().map(EvaluationBenchmark::document).toList();
                }
                report(devices, assignments, rules, documents, median(read));
            }
        }
    }

    private static void report(int devices, int assignments, List<CompiledRule> rules, List<DeviceDocument> documents,
                               long readNanos) {
        long[] full = new long[5];
        for (int run = 0; run < full.length; run++) {
            long start = System.nanoTime();
            long violations = documents.parallelStream().mapToLong(d -> rules.stream()
                    .filter(r -> !r.evaluate(PolicyInput.of(d, r.source().sampleParams(), NOW)).isCompliant()).count()).sum();
            full[run] = System.nanoTime() - start;
            if (run == 0) {
                System.out.printf("verdicts: %,d, not compliant: %,d%n", (long) devices * assignments, violations);
            }
        }
        long[] perEvent = new long[1_000];
        for (int i = 0; i < perEvent.length; i++) {
            DeviceDocument d = documents.get(i % documents.size());
            long start = System.nanoTime();
            rules.forEach(r -> r.evaluate(PolicyInput.of(d, r.source().sampleParams(), NOW)));
            perEvent[i] = System.nanoTime() - start;
        }
        System.out.printf("read %,d devices from PostgreSQL (JDBC, state as text): %.1f ms (median of 5)%n", devices, readNanos / 1e6);
        System.out.printf("full re-evaluation, %d assignments x %,d devices, 2 threads: %.1f ms (median of 5), %.2f x the read%n",
                assignments, devices, median(full) / 1e6, (double) median(full) / readNanos);
        System.out.printf("per event (one device x %d assignments): median %.3f ms, p99 %.3f ms%n", assignments,
                median(perEvent) / 1e6, percentile(perEvent, 0.99) / 1e6);
        admission(documents.get(0));
    }

    /** The deny judgement a command adds: the four admission built-ins on a manifest of three workloads. */
    private static void admission(DeviceDocument device) {
        PolicyEngine engine = new PolicyEngine(CostLimits.defaults());
        List<CompiledRule> deny = BuiltInLibrary.load().policies().stream().filter(p -> "admission".equals(p.kind()))
                .map(p -> compile(engine, p, p.defaults())).toList();
        String manifests = IntStream.range(0, 3).mapToObj(i -> "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: app-" + i
                + "}\nspec: {template: {spec: {containers: [{name: c, image: 'mcr.microsoft.com/app:" + i + "'}]}}}\n")
                .reduce((a, b) -> a + "---\n" + b).orElseThrow();
        long[] took = new long[2_000];
        for (int i = 0; i < took.length; i++) {
            long start = System.nanoTime();
            AdmissionRequest change = AdmissionRequest.command("apply-manifests", Map.of("manifests", manifests));
            deny.forEach(r -> r.evaluate(PolicyInput.of(device, r.source().sampleParams(), NOW).with(change)));
            took[i] = System.nanoTime() - start;
        }
        System.out.printf("deny judgement of one apply-manifests command (%d admission rules, manifests parsed): median %.3f ms, "
                + "p99 %.3f ms (engine only; the service adds two indexed reads)%n", deny.size(), median(took) / 1e6,
                percentile(took, 0.99) / 1e6);
    }

    /** {@code count} assignments: the built-in device policies in turn, each with its defaults. */
    private static List<CompiledRule> assignments(PolicyEngine engine, int count) {
        List<BuiltInLibrary.BuiltIn> device = BuiltInLibrary.load().policies().stream().filter(p -> "device".equals(p.kind())).toList();
        List<CompiledRule> rules = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            BuiltInLibrary.BuiltIn policy = device.get(i % device.size());
            rules.add(compile(engine, policy, policy.defaults()));
        }
        return rules;
    }

    private static CompiledRule compile(PolicyEngine engine, BuiltInLibrary.BuiltIn policy, Map<String, Object> params) {
        try {
            return engine.compile(new RuleSource(policy.rule(), RuleKind.fromWire(policy.kind()).orElseThrow(), policy.field(),
                    policy.message(), params));
        } catch (io.edgefleet.policy.engine.RuleRejected e) {
            throw new IllegalStateException(policy.name(), e);
        }
    }

    private static void store(Connection db, int devices) throws Exception {
        try (Statement ddl = db.createStatement()) {
            ddl.execute("CREATE TABLE device (device_id UUID PRIMARY KEY, state JSONB NOT NULL, cluster JSONB)");
        }
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO device VALUES (?::uuid, ?::jsonb, ?::jsonb)")) {
            for (int i = 0; i < devices; i++) {
                String id = UUID.randomUUID().toString();
                insert.setString(1, id);
                insert.setString(2, JSON.writeValueAsString(state(id, i)));
                insert.setString(3, JSON.writeValueAsString(cluster(id, i)));
                insert.addBatch();
                if (i % 500 == 499) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
    }

    private static List<String[]> read(Connection db) throws Exception {
        List<String[]> rows = new ArrayList<>();
        try (Statement query = db.createStatement(); ResultSet result = query.executeQuery(
                "SELECT device_id, CAST(state AS text), CAST(cluster AS text) FROM device ORDER BY device_id")) {
            while (result.next()) {
                rows.add(new String[] {result.getString(1), result.getString(2), result.getString(3)});
            }
        }
        return rows;
    }

    private static DeviceDocument document(String[] row) {
        try {
            return DeviceDocument.of(JSON.readValue(row[1], DeviceState.class), JSON.readValue(row[2], ClusterInventoryChanged.class));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A machine as the simulator shapes them; every 10th has a 2 GB Linux node, every 25th no static IP. */
    private static DeviceState state(String id, int i) {
        boolean k3s = i % 2 == 0;
        return new DeviceState(id, id, null, "edge-" + i, Map.of("site", "site-" + i % 40, "ring", i % 10 == 0 ? "canary" : "main"),
                Map.of(), "Europe/Berlin", "enrolled", "connected", NOW, "Windows", "10.0.22631", new DeviceFacts.Hardware(8, 16384L, 512L),
                new NodeAllocation(4, i % 10 == 0 ? 2048L : 8192L, 100L), i % 3 == 0 ? new NodeAllocation(2, 4096L, 50L) : null,
                i % 25 == 0 ? null : new NetworkConfig("10.20." + i / 250 + "." + (i % 250 + 2), "10.20.0.1", List.of("10.20.0.53"),
                        null, "10.96.0.0/12"), "1.1.0", "c-" + i, "control-plane", k3s ? "k3s" : "k8s",
                k3s ? "v1.30.4+k3s1" : "v1.30.4", 1);
    }

    private static ClusterInventoryChanged cluster(String id, int i) {
        boolean k3s = i % 2 == 0;
        List<ClusterInventoryChanged.Node> nodes = new ArrayList<>(List.of(new ClusterInventoryChanged.Node("edge-" + i + "-ledge", id,
                "control-plane", "linux", "CBL-Mariner 2.0", k3s ? "v1.30.4+k3s1" : "v1.30.4", "containerd://1.7.20",
                Map.of("cpu", "4", "memory", "8Gi"), Map.of("cpu", "3800m", "memory", "7Gi"), Map.of("Ready", "True"))));
        if (i % 3 == 0) {
            nodes.add(new ClusterInventoryChanged.Node("edge-" + i + "-wedge", id, "worker", "windows", "Windows Server 2022",
                    "v1.30.4", "containerd://1.7.20", Map.of("cpu", "2"), Map.of("cpu", "1800m"), Map.of("Ready", "True")));
        }
        return new ClusterInventoryChanged("c-" + i, "cluster-" + i, k3s ? "k3s" : "k8s", k3s ? "v1.30.4+k3s1" : "v1.30.4",
                k3s ? "flannel" : "calico", "kubevip", List.of("local-pv"), Map.of(), List.of(id), nodes, NOW);
    }

    private static long median(long[] values) {
        return percentile(values, 0.5);
    }

    private static long percentile(long[] values, double p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
    }
}
