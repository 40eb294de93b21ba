package io.edgefleet.agent.it;

import io.edgefleet.agent.cluster.ClusterAccess;
import io.edgefleet.agent.cluster.ClusterInventory;
import io.edgefleet.agent.cluster.Diagnostics;
import io.edgefleet.agent.cluster.SimulatedMachine;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A cluster whose apply waits for the test's go, to drop the session mid-command. */
record BlockingCluster(SimulatedMachine delegate, CountDownLatch release) implements ClusterAccess {

    @Override
    public ClusterInventory inventory() {
        return delegate.inventory();
    }

    @Override
    public List<String> apply(String manifests, String namespace) {
        try {
            release.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return delegate.apply(manifests, namespace);
    }

    @Override
    public List<String> delete(String manifests, String namespace) {
        return delegate.delete(manifests, namespace);
    }

    @Override
    public Diagnostics diagnostics(Duration since) {
        return delegate.diagnostics(since);
    }

    @Override
    public List<io.edgefleet.events.telemetry.TelemetryBatch.Sample> telemetry(java.time.Instant now) {
        return delegate.telemetry(now);
    }

    @Override
    public io.edgefleet.agent.cluster.FluxState flux() {
        return delegate.flux();
    }

    @Override
    public void applyFlux(List<com.fasterxml.jackson.databind.node.ObjectNode> objects) {
        delegate.applyFlux(objects);
    }

    @Override
    public void deleteFlux(List<io.edgefleet.agent.cluster.FluxState.FluxObject> objects) {
        delegate.deleteFlux(objects);
    }
}
