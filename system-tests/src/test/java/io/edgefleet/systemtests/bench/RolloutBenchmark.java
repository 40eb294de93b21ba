package io.edgefleet.systemtests.bench;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Rollout figures on a running dev stack (loopback only), each beside the raw PostgreSQL insert rate
 * of the same rows measured in the same run. Not a test: run it and read the figures
 * (update-service README, "Benchmark").
 *
 * <ol>
 *   <li>planning: {@code N} devices projected straight into update-service's database under an
 *       organization of their own, a 5-wave release rollout started (planned, scheduled an hour
 *       ahead so nothing is sent), timed; then cancelled and removed;</li>
 *   <li>dispatch: a one-wave apply-manifests rollout to the stack's simulated devices, timed until
 *       every command is sent and until every device finished.</li>
 * </ol>
 *
 * <pre>EDGEFLEET_STATE_DIR=... ./edgefleet up --devices 1000
 * java -cp system-tests/target/test-classes:$(cat cp.txt) io.edgefleet.systemtests.bench.RolloutBenchmark \
 *     http://127.0.0.1:8084 jdbc:postgresql://127.0.0.1:15432 .edgefleet/admin.token 100000</pre>
 */
public final class RolloutBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RolloutBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String update = args[0];
        String jdbc = args[1];
        String token = Files.readString(Path.of(args[2])).trim();
        int planned = args.length > 3 ? Integer.parseInt(args[3]) : 100_000;
        int commanded = args.length > 4 ? Integer.parseInt(args[4]) : 10_000;
        // A part is left out with 0 devices (planning, fleet dispatch) or -Dbench.dispatch=false.
        if (planned > 0) {
            planning(update, jdbc, token, planned);
        }
        if (Boolean.parseBoolean(System.getProperty("bench.dispatch", "true"))) {
            dispatch(update, jdbc, token);
        }
        if (commanded > 0) {
            fleetDispatch(update, jdbc, token, commanded);
        }
    }

    private static void planning(String update, String jdbc, String token, int devices) throws Exception {
        String marker = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection db = DriverManager.getConnection(jdbc + "/update", "postgres", "postgres")) {
            long seeded = project(db, marker, identities(devices));
            String release = given().baseUri(update).auth().oauth2(token).queryParam("kind", "k3s").queryParam("limit", 100)
                    .get("/api/v1/releases").jsonPath().getString("items.find { it.spec.version == 'v1.31.4+k3s1' }.id");
            String id = create(update, token, Map.of("name", marker, "target", Map.of("labelSelector", "bench=" + marker),
                    "release", release, "startAt", OffsetDateTime.now().plusHours(1).toString(),
                    "waves", List.of(Map.of("percentage", 20), Map.of("percentage", 20), Map.of("percentage", 20),
                            Map.of("percentage", 20), Map.of("percentage", 100))));
            long start = System.nanoTime();
            given().baseUri(update).auth().oauth2(token).post("/api/v1/rollouts/{id}/start", id).then().statusCode(200);
            long planMs = (System.nanoTime() - start) / 1_000_000;
            JsonPath progress = given().baseUri(update).auth().oauth2(token).get("/api/v1/rollouts/{id}/progress", id).jsonPath();
            long rawMs = rawUnitInserts(db, devices);
            System.out.printf("planning: %d projected devices (seeded in %d ms) -> %d units in %d waves: %d ms (goal < 5000 ms); "
                            + "raw insert of %d unit rows: %d ms; planning / raw = %.1fx%n", devices, seeded,
                    progress.getInt("units"), progress.getList("waves").size(), planMs, devices, rawMs, (double) planMs / rawMs);
            given().baseUri(update).auth().oauth2(token).post("/api/v1/rollouts/{id}/cancel", id).then().statusCode(200);
            given().baseUri(update).auth().oauth2(token).delete("/api/v1/rollouts/{id}", id).then().statusCode(204);
            try (Statement st = db.createStatement()) {
                st.executeUpdate("DELETE FROM device_projection WHERE labels->>'bench' = '" + marker + "'");
            }
        }
    }

    private static void dispatch(String update, String jdbc, String token) throws Exception {
        String marker = "dispatch-" + UUID.randomUUID().toString().substring(0, 8);
        String id = create(update, token, Map.of("name", marker, "target", Map.of("labelSelector", "simulated=true"),
                "command", Map.of("type", "apply-manifests", "payload", Map.of("manifests",
                        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: " + marker + "}\ndata: {bench: 'true'}\n"))));
        long start = System.nanoTime();
        given().baseUri(update).auth().oauth2(token).post("/api/v1/rollouts/{id}/start", id).then().statusCode(200);
        long sentMs = -1;
        long acceptedMs = -1;
        long doneMs = -1;
        int units = 0;
        try (Connection db = DriverManager.getConnection(jdbc + "/provisioning", "postgres", "postgres")) {
            while (doneMs < 0 && System.nanoTime() - start < 120_000_000_000L) {
                JsonPath p = given().baseUri(update).auth().oauth2(token).get("/api/v1/rollouts/{id}/progress", id).jsonPath();
                units = p.getInt("units");
                int waiting = p.getInt("counts.pending") + p.getInt("counts.waiting-for-window");
                long now = (System.nanoTime() - start) / 1_000_000;
                if (sentMs < 0 && waiting == 0) {
                    sentMs = now;
                }
                if (acceptedMs < 0 && units > 0 && accepted(db, id) >= units) {
                    acceptedMs = (System.nanoTime() - start) / 1_000_000;
                }
                if (p.getInt("finished") == units) {
                    doneMs = now;
                }
                Thread.sleep(20);
            }
        }
        long rawMs;
        try (Connection db = DriverManager.getConnection(jdbc + "/provisioning", "postgres", "postgres")) {
            rawMs = rawCommandInserts(db, units);
        }
        System.out.printf("dispatch: %d devices, one wave: update-service sent all %d ms after start, provisioning accepted "
                        + "all %d ms (goal <= 1000 ms), all finished %d ms (goal <= 5000 ms), %.0f commands/s end to end; raw insert "
                        + "of %d command rows: %d ms (finished / raw = %.1fx)%n", units, sentMs, acceptedMs, doneMs,
                units * 1000.0 / Math.max(1, doneMs), units, rawMs, (double) doneMs / Math.max(1, rawMs));
        System.out.println("dispatch progress: " + given().baseUri(update).auth().oauth2(token)
                .get("/api/v1/rollouts/{id}/progress", id).asString());
    }

    private static String create(String update, String token, Map<String, Object> spec) {
        return given().baseUri(update).auth().oauth2(token).contentType(ContentType.JSON).body(spec).post("/api/v1/rollouts")
                .then().statusCode(201).extract().path("id");
    }

    /**
     * Dispatch at fleet scale without agents: {@code devices} identities enrolled straight into
     * provisioning's database and projected into update-service's, a one-wave command rollout to
     * them, timed until provisioning has accepted (stored and queued) every command. Then all removed.
     */
    private static void fleetDispatch(String update, String jdbc, String token, int devices) throws Exception {
        String marker = "fleet-" + UUID.randomUUID().toString().substring(0, 8);
        List<UUID> identities = identities(devices);
        try (Connection provisioning = DriverManager.getConnection(jdbc + "/provisioning", "postgres", "postgres");
             Connection updates = DriverManager.getConnection(jdbc + "/update", "postgres", "postgres")) {
            enroll(provisioning, marker, identities);
            project(updates, marker, identities);
            String id = create(update, token, Map.of("name", marker, "target", Map.of("labelSelector", "bench=" + marker),
                    "command", Map.of("type", "collect-diagnostics", "payload", Map.of())));
            long start = System.nanoTime();
            given().baseUri(update).auth().oauth2(token).post("/api/v1/rollouts/{id}/start", id).then().statusCode(200);
            long sentMs = -1;
            long acceptedMs = -1;
            while (acceptedMs < 0 && System.nanoTime() - start < 300_000_000_000L) {
                long now = (System.nanoTime() - start) / 1_000_000;
                if (sentMs < 0 && unsent(update, token, id) == 0) {
                    sentMs = now;
                }
                if (accepted(provisioning, id) >= devices) {
                    acceptedMs = (System.nanoTime() - start) / 1_000_000;
                }
                Thread.sleep(20);
            }
            long rawMs = rawCommandInserts(provisioning, devices);
            System.out.printf("fleet dispatch: %d devices, one wave: update-service sent all %d ms after start, provisioning "
                            + "accepted all %d ms after start = %.0f commands/s (goal >= 2000/s); raw insert of %d command rows "
                            + "one by one: %d ms = %.0f rows/s (accepted / raw = %.1fx)%n", devices, sentMs, acceptedMs,
                    devices * 1000.0 / Math.max(1, acceptedMs), devices, rawMs, devices * 1000.0 / Math.max(1, rawMs),
                    (double) acceptedMs / Math.max(1, rawMs));
            given().baseUri(update).auth().oauth2(token).post("/api/v1/rollouts/{id}/cancel", id);
            given().baseUri(update).auth().oauth2(token).delete("/api/v1/rollouts/{id}", id);
            try (Statement st = provisioning.createStatement()) {
                st.executeUpdate("DELETE FROM command WHERE idempotency_key LIKE 'update-rollout/" + id + "/%'");
                st.executeUpdate("DELETE FROM device_identity WHERE public_key = '" + marker + "'");
            }
            try (Statement st = updates.createStatement()) {
                st.executeUpdate("DELETE FROM device_projection WHERE labels->>'bench' = '" + marker + "'");
            }
        }
    }

    private static int unsent(String update, String token, String id) {
        JsonPath p = given().baseUri(update).auth().oauth2(token).get("/api/v1/rollouts/{id}/progress", id).jsonPath();
        return p.getInt("counts.pending") + p.getInt("counts.waiting-for-window");
    }

    private static int accepted(Connection provisioning, String rollout) throws Exception {
        try (Statement st = provisioning.createStatement();
             var rows = st.executeQuery("SELECT count(*) FROM command WHERE idempotency_key LIKE 'update-rollout/" + rollout + "/%'")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /** Active identities for {@code ids} under an existing enrollment of the stack, marked by their public key {@code marker}. */
    private static void enroll(Connection provisioning, String marker, List<UUID> ids) throws Exception {
        try (PreparedStatement insert = provisioning.prepareStatement("INSERT INTO device_identity (device_id, org_id, "
                + "enrollment_id, public_key, key_fingerprint, status, enrolled_at) SELECT d, 'default', (SELECT id FROM enrollment "
                + "LIMIT 1), ?, 'bench-' || d, 'ACTIVE', now() FROM unnest(?::uuid[]) AS u(d)")) {
            insert.setString(1, marker);
            insert.setArray(2, provisioning.createArrayOf("uuid", ids.toArray()));
            insert.executeUpdate();
        }
    }

    private static List<UUID> identities(int count) {
        List<UUID> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(UUID.randomUUID());
        }
        return ids;
    }

    /** Projects one k3s machine per identity, labelled {@code bench=marker}, 5,000 rows per statement. */
    private static long project(Connection db, String marker, List<UUID> identities) throws Exception {
        int devices = identities.size();
        long start = System.nanoTime();
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO device_projection (device_id, org_id, name, labels, "
                + "registered_at, last_event_id, identity_id, resource_version, state) SELECT d, 'default', 'bench-' || d, "
                + "CAST(? AS jsonb), now(), 'bench', i, 1, CAST(s AS jsonb) FROM unnest(?::uuid[], ?::text[], ?::uuid[]) AS u(d, s, i)")) {
            for (int from = 0; from < devices; from += 5_000) {
                List<UUID> ids = new ArrayList<>();
                List<String> states = new ArrayList<>();
                List<UUID> chunk = identities.subList(from, Math.min(devices, from + 5_000));
                for (int i = from; i < Math.min(devices, from + 5_000); i++) {
                    UUID id = UUID.randomUUID();
                    ids.add(id);
                    states.add(JSON.writeValueAsString(Map.of("deviceId", id.toString(), "identityId", identities.get(i).toString(),
                            "name", "bench-" + i, "labels", Map.of("bench", marker), "lifecycle", "enrolled",
                            "connectivity", "connected", "distribution", "k3s", "kubernetesVersion", "v1.30.4+k3s1",
                            "resourceVersion", 1)));
                }
                insert.setString(1, JSON.writeValueAsString(Map.of("bench", marker)));
                insert.setArray(2, db.createArrayOf("uuid", ids.toArray()));
                insert.setArray(3, db.createArrayOf("text", states.toArray()));
                insert.setArray(4, db.createArrayOf("uuid", chunk.toArray()));
                insert.executeUpdate();
            }
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** The same number of rows shaped like rollout units, inserted the same way into a scratch table. */
    private static long rawUnitInserts(Connection db, int rows) throws Exception {
        try (Statement st = db.createStatement()) {
            st.execute("CREATE TEMP TABLE bench_unit (LIKE rollout_unit INCLUDING DEFAULTS)");
        }
        long start = System.nanoTime();
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO bench_unit (rollout_id, unit, org_id, wave, state, machines, "
                + "steps, updated_at) SELECT gen_random_uuid(), u, 'default', 0, 'pending', ARRAY[gen_random_uuid()], "
                + "CAST(? AS jsonb), now() FROM unnest(?::text[]) AS t(u)")) {
            String steps = "[{\"machines\":[\"" + UUID.randomUUID() + "\"],\"identities\":[\"" + UUID.randomUUID()
                    + "\"],\"type\":\"upgrade-kubernetes\",\"payload\":{\"targetVersion\":\"v1.31.4+k3s1\"}}]";
            for (int from = 0; from < rows; from += 5_000) {
                List<String> units = new ArrayList<>();
                for (int i = from; i < Math.min(rows, from + 5_000); i++) {
                    units.add("device/" + UUID.randomUUID());
                }
                insert.setString(1, steps);
                insert.setArray(2, db.createArrayOf("text", units.toArray()));
                insert.executeUpdate();
            }
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** The same number of rows shaped like provisioning's commands, one insert per row as a command request makes. */
    private static long rawCommandInserts(Connection db, int rows) throws Exception {
        try (Statement st = db.createStatement()) {
            st.execute("CREATE TEMP TABLE bench_command (LIKE command INCLUDING DEFAULTS)");
        }
        long start = System.nanoTime();
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO bench_command (id, org_id, device_id, type, payload, status, "
                + "idempotency_key, requested_by, created_at, expires_at) VALUES (?, 'default', ?, 'APPLY_MANIFESTS', CAST(? AS jsonb), "
                + "'QUEUED', ?, 'bench', now(), now() + interval '1 day')")) {
            for (int i = 0; i < rows; i++) {
                insert.setObject(1, UUID.randomUUID());
                insert.setObject(2, UUID.randomUUID());
                insert.setString(3, "{\"manifests\":\"apiVersion: v1\\nkind: ConfigMap\\n\"}");
                insert.setString(4, "bench/" + i);
                insert.executeUpdate();
            }
        }
        return (System.nanoTime() - start) / 1_000_000;
    }
}
