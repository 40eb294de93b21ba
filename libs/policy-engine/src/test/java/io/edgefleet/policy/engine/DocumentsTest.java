package io.edgefleet.policy.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgefleet.events.inventory.ClusterInventoryChanged;
import io.edgefleet.events.inventory.DeviceState;
import io.edgefleet.events.inventory.NodeAllocation;
import io.edgefleet.events.provisioning.DeviceFacts;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The document a rule reads, from the inventory's events, and the admission request it judges. */
class DocumentsTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private final PolicyEngine engine = new PolicyEngine(CostLimits.defaults());

    @Test
    void aDeviceStateBecomesADocumentWithItsOwnNodes() throws RuleRejected {
        DeviceState state = new DeviceState("d1", "i1", null, "edge-1", Map.of("site", "berlin"), Map.of(), "Europe/Berlin",
                "enrolled", "connected", NOW, "Windows", "10.0", new DeviceFacts.Hardware(8, 16384L, 256L),
                new NodeAllocation(4, 8192L, 100L), null, null, "1.1.0", "c1", "control-plane", "k3s", "v1.30.4+k3s1", 7);
        ClusterInventoryChanged cluster = new ClusterInventoryChanged("c1", "store", "k3s", "v1.30.4+k3s1", "flannel", null,
                List.of(), Map.of(), List.of("d1", "d2"), List.of(
                        node("edge-1-ledge", "d1", "linux"), node("edge-2-ledge", "d2", "linux")), NOW);
        DeviceDocument document = DeviceDocument.of(state, cluster);
        assertEquals(4L, ((Map<?, ?>) document.device().get("linuxNode")).get("vcpus"), "integers are CEL ints (long)");
        assertEquals(NOW, document.device().get("lastSeenAt"));
        assertFalse(document.device().containsKey("windowsNode"), "an absent field is left out");
        assertFalse(document.device().containsKey("resourceVersion"));
        CompiledRule rule = engine.compile(RuleSource.of(
                "!has(device.windowsNode) && device.nodes.size() == 1 && device.nodes[0].name == 'edge-1-ledge'"
                        + " && cluster.nodes.size() == 2 && cluster.cni == 'flannel'", RuleKind.DEVICE, null, "m"));
        assertTrue(rule.evaluate(PolicyInput.of(document, Map.of(), NOW)).isCompliant());
        assertTrue(DeviceDocument.of(state, null).cluster().isEmpty());
    }

    @Test
    void manifestsAreParsedIntoContainersAndVolumesNamingTheirWorkload() throws RuleRejected {
        String manifests = """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: settings}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                spec:
                  template:
                    spec:
                      initContainers: [{name: init, image: 'docker.io/busybox'}]
                      containers:
                      - name: app
                        image: registry.example/web:1
                        securityContext: {privileged: true}
                      volumes: [{name: host, hostPath: {path: /var}}]
                ---
                apiVersion: batch/v1
                kind: CronJob
                metadata: {name: nightly}
                spec: {jobTemplate: {spec: {template: {spec: {containers: [{name: job, image: registry.example/job:2}]}}}}}
                """;
        AdmissionRequest request = AdmissionRequest.command("apply-manifests", Map.of("manifests", manifests));
        CompiledRule privileged = engine.compile(RuleSource.of(
                "request.command.containers.filter(c, has(c.securityContext) && has(c.securityContext.privileged)"
                        + " && c.securityContext.privileged).map(c, {'field': 'request.command.containers', 'value': c.owner + ' ' + c.name,"
                        + " 'message': 'privileged container'})", RuleKind.ADMISSION, null, "m"));
        Verdict verdict = privileged.evaluate(PolicyInput.of(new DeviceDocument(Map.of(), Map.of()), Map.of(), NOW).with(request));
        assertEquals(List.of(new Violation("request.command.containers", "Deployment/web app", "privileged container")),
                verdict.violations());
        CompiledRule counts = engine.compile(RuleSource.of("request.command.objects.size() == 3 && request.command.containers.size() == 3"
                + " && request.command.volumes.exists(v, has(v.hostPath))", RuleKind.ADMISSION, null, "m"));
        assertTrue(counts.evaluate(PolicyInput.of(new DeviceDocument(Map.of(), Map.of()), Map.of(), NOW).with(request)).isCompliant());
    }

    @Test
    void manifestsThatAreNotYamlAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> AdmissionRequest.command("apply-manifests", Map.of("manifests", "kind: [unclosed")));
    }

    @Test
    void anUpgradeLeavesOutWhatIsUnknown() {
        AdmissionRequest upgrade = AdmissionRequest.upgrade("k3s", "k3s", "k3s", "v1.29.8+k3s1", null, false);
        Map<?, ?> value = (Map<?, ?>) upgrade.value().get("upgrade");
        assertEquals("v1.29.8+k3s1", value.get("fromVersion"));
        assertFalse(value.containsKey("toVersion"));
    }

    private static ClusterInventoryChanged.Node node(String name, String deviceId, String os) {
        return new ClusterInventoryChanged.Node(name, deviceId, "control-plane", os, "image", "v1.30.4+k3s1", "containerd",
                Map.of("cpu", "4"), Map.of("cpu", "4"), Map.of("Ready", "True"));
    }
}
