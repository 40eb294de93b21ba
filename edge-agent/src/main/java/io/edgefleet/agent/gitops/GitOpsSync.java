package io.edgefleet.agent.gitops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgefleet.agent.AgentJournal;
import io.edgefleet.agent.cluster.ClusterAccess;
import io.edgefleet.agent.cluster.FluxState;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps the cluster's Flux objects on the desired set gitops-service holds for this machine:
 * fetched on every connect and when a {@code sync-configurations} command announces a new
 * fingerprint, re-applied on every heartbeat (server-side apply puts back whatever drifted, and
 * changes nothing otherwise), objects of configurations no longer assigned removed. The state
 * Flux reports is sent back whenever it changes. Only the machine the set says {@code applies}
 * touches the cluster; the others hold the set and leave Flux's objects be. While Flux is still
 * reconciling something, the state is looked at every few seconds rather than every heartbeat,
 * so that the fleet sees a change land soon after it did.
 */
public class GitOpsSync {

    private final ClusterAccess cluster;
    private final GitOpsClient client;
    private final FluxObjects flux;
    private final StatusReport reports;
    private final AgentJournal journal;
    private final ObjectMapper json;
    private final ScheduledExecutorService scheduler;
    private final Executor workers;
    private final AtomicBoolean settleScheduled = new AtomicBoolean();
    private DesiredSet held;
    private boolean settling;
    private ObjectNode lastReport;
    private String lastTrouble;

    public GitOpsSync(ClusterAccess cluster, GitOpsClient client, AgentJournal journal, ObjectMapper json,
                      ScheduledExecutorService scheduler, Executor workers) {
        this.scheduler = scheduler;
        this.workers = workers;
        this.cluster = cluster;
        this.client = client;
        this.flux = new FluxObjects(json);
        this.reports = new StatusReport(json);
        this.journal = journal;
        this.json = json;
    }

    /** A new session: the set is fetched afresh, since a nudge may have been missed while away. */
    public void connected() {
        workers.execute(() -> {
            try {
                sync(null);
            } catch (Exception e) {
                // The next connect or nudge fetches again; meanwhile heartbeats keep the set held in place.
                journal.trouble("configurations-fetch-failed", "reason", e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        });
    }

    /** Every heartbeat: re-applied, and reported when changed. */
    public void heartbeat() {
        workers.execute(this::tick);
    }

    /**
     * Fetches the set unless {@code announced} is the fingerprint already held, then reconciles
     * and reports. Throws when gitops-service or the cluster cannot be reached (the command fails).
     */
    public synchronized ObjectNode sync(String announced) throws Exception {
        if (announced != null && held != null && announced.equals(held.fingerprint())) {
            return json.createObjectNode().put("fingerprint", held.fingerprint()).put("unchanged", true);
        }
        try {
            return fetchAndReconcile();
        } catch (GitOpsClient.StaleSet stale) {
            // The cluster's applying machine changed between the fetch and the report: once more, afresh.
            return fetchAndReconcile();
        }
    }

    private ObjectNode fetchAndReconcile() throws Exception {
        DesiredSet fetched = client.fetch();
        journal.step("configurations-fetched", "fingerprint", fetched.fingerprint(), "configurations",
                fetched.configurations().size(), "applies", fetched.applies());
        held = fetched;
        lastReport = null;
        ObjectNode result = reconcile();
        settleLater();
        return result;
    }

    /** Re-applies, removes what is not assigned, reports a changed state. Never throws. */
    synchronized void tick() {
        if (held == null) {
            return;
        }
        try {
            try {
                reconcile();
                settleLater();
            } catch (GitOpsClient.StaleSet stale) {
                fetchAndReconcile();
            }
            if (lastTrouble != null) {
                journal.step("configurations-in-sync", "fingerprint", held.fingerprint());
                lastTrouble = null;
            }
        } catch (Exception e) {
            String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (!reason.equals(lastTrouble)) {
                journal.trouble("configurations-sync-failed", "reason", reason);
            }
            lastTrouble = reason;
        }
    }

    /** The fingerprint of the set held, or null before the first fetch. */
    public synchronized String fingerprint() {
        return held == null ? null : held.fingerprint();
    }

    /** One follow-up at a time, a few seconds on, while a Kustomization is still reconciling. */
    private void settleLater() {
        if (settling && settleScheduled.compareAndSet(false, true)) {
            scheduler.schedule(() -> workers.execute(() -> {
                settleScheduled.set(false);
                tick();
            }), 3, TimeUnit.SECONDS);
        }
    }

    private ObjectNode reconcile() throws Exception {
        ObjectNode result = json.createObjectNode().put("fingerprint", held.fingerprint()).put("applies", held.applies());
        if (!held.applies()) {
            return result;
        }
        FluxState state = cluster.flux();
        if (!state.installed()) {
            report(reports.fluxMissing(held));
            return result.put("fluxInstalled", false);
        }
        Map<String, String> refusals = new LinkedHashMap<>();
        Set<String> wanted = new HashSet<>();
        int applied = 0;
        for (DesiredSet.Configuration c : held.configurations()) {
            applied += apply(c, wanted, refusals);
        }
        List<FluxState.FluxObject> stale = state.objects().stream()
                .filter(o -> !wanted.contains(o.kind() + "/" + o.name()) && !refusals.containsKey(o.configurationId())).toList();
        if (!stale.isEmpty()) {
            cluster.deleteFlux(stale);
            journal.step("configurations-removed", "objects", stale.size());
        }
        ObjectNode report = reports.of(held, cluster.flux(), refusals);
        settling = StatusReport.settling(report);
        report(report);
        return result.put("fluxInstalled", true).put("objectsApplied", applied).put("objectsRemoved", stale.size())
                .put("refused", refusals.size());
    }

    /** Applies one configuration's objects; one that cannot be applied is reported and the others go on. */
    private int apply(DesiredSet.Configuration c, Set<String> wanted, Map<String, String> refusals) {
        if (!c.missingLabels().isEmpty()) {
            refusals.put(c.id(), "missing-labels: the cluster's machine has no label " + String.join(", ", c.missingLabels())
                    + ", which a substitution of this configuration needs");
            return 0;
        }
        List<ObjectNode> objects = flux.of(c);
        objects.forEach(o -> wanted.add(o.path("kind").asText() + "/" + o.path("metadata").path("name").asText()));
        try {
            cluster.applyFlux(objects);
            return objects.size();
        } catch (RuntimeException e) {
            // The API server's words name the field; the objects never reach a log line.
            refusals.put(c.id(), "apply-failed: " + e.getMessage());
            return 0;
        }
    }

    private void report(ObjectNode report) throws Exception {
        if (report.equals(lastReport)) {
            return;
        }
        client.report(report);
        lastReport = report;
    }
}
