package io.edgefleet.agent.cluster;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgefleet.events.telemetry.TelemetryBatch;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Everything the agent does to its local cluster, behind one interface: the real one talks to
 * the Kubernetes API ({@link KubernetesClusterAccess}), the simulator's keeps a cluster in memory
 * ({@link SimulatedMachine}, one machine of a {@link SimulatedCluster}).
 */
public interface ClusterAccess {

    /** Nodes, distribution, version and namespaces with pod counts, as reported to inventory. */
    ClusterInventory inventory();

    /** Server-side applies multi-document YAML; returns the objects applied as {@code Kind/namespace/name}. */
    List<String> apply(String manifests, String namespace);

    /** Deletes the objects multi-document YAML names; returns those that existed. */
    List<String> delete(String manifests, String namespace);

    /** Node conditions, recent warning events and pods not running, summarised. */
    Diagnostics diagnostics(Duration since);

    /** Current metric samples: per-node CPU, memory and disk use, pod counts, ready nodes. */
    List<TelemetryBatch.Sample> telemetry(Instant now);

    /** The agent's Flux objects in {@code flux-system} and their state; {@link FluxState#notInstalled()} without Flux's CRDs. */
    FluxState flux();

    /** Server-side applies Flux objects (sources, Kustomizations, their Secrets), each naming its namespace. */
    void applyFlux(List<ObjectNode> objects);

    /** Deletes these of the agent's Flux objects; those already gone are skipped. */
    void deleteFlux(List<FluxState.FluxObject> objects);
}
