package io.edgefleet.update.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The upgrade-path table: one minor at a time (multi-hop through the catalog), never k8s ↔ k3s, no downgrade, OS images forward. */
class UpgradePathsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);
    private static final List<Release> CATALOG = List.of(
            release(ReleaseKind.KUBERNETES, "v1.29.9", null), release(ReleaseKind.KUBERNETES, "v1.30.8", null),
            release(ReleaseKind.KUBERNETES, "v1.31.2", null), release(ReleaseKind.KUBERNETES, "v1.31.4", null),
            release(ReleaseKind.KUBERNETES, "v1.32.1", null), release(ReleaseKind.KUBERNETES, "v1.34.0", null),
            release(ReleaseKind.KUBERNETES, "v1.28.15", LocalDate.of(2025, 10, 28)),
            release(ReleaseKind.K3S, "v1.30.8+k3s1", null), release(ReleaseKind.K3S, "v1.30.8+k3s2", null),
            release(ReleaseKind.K3S, "v1.31.4+k3s1", null), release(ReleaseKind.OS_IMAGE, "2.0.20241101", null),
            release(ReleaseKind.OS_IMAGE, "2.0.20240901", null), release(ReleaseKind.AGENT, "0.3.0", null));

    @ParameterizedTest(name = "{0} {1} → {2} {3}: {4}")
    @CsvSource(delimiter = '|', textBlock = """
            k8s | v1.29.9      | kubernetes | v1.30.8      | v1.30.8
            k8s | v1.30.4      | kubernetes | v1.30.8      | v1.30.8
            k8s | v1.29.9      | kubernetes | v1.31.4      | v1.30.8 v1.31.4
            k8s | v1.29.9      | kubernetes | v1.32.1      | v1.30.8 v1.31.4 v1.32.1
            k8s | v1.32.1      | kubernetes | v1.34.0      | skips minor versions, and the catalog has no supported kubernetes 1.33 to pass through
            k8s | v1.30.8      | kubernetes | v1.29.9      | no downgrade: Kubernetes cannot go back from v1.30.8 to v1.29.9
            k8s | v1.30.8      | kubernetes | v1.30.8      | already at v1.30.8
            k8s | v1.27.3      | kubernetes | v1.28.15     | v1.28.15 is past its end of support (2025-10-28)
            k3s | v1.30.4+k3s1 | kubernetes | v1.30.8      | never between k8s and k3s: the device runs k3s, the release is kubernetes
            k8s | v1.30.4      | k3s        | v1.30.8+k3s1 | never between k8s and k3s: the device runs kubernetes, the release is k3s
            k3s | v1.30.8+k3s1 | k3s        | v1.30.8+k3s2 | v1.30.8+k3s2
            k3s | v1.29.2+k3s1 | k3s        | v1.31.4+k3s1 | v1.30.8+k3s2 v1.31.4+k3s1
            k3s | v1.30.8+k3s2 | k3s        | v1.30.8+k3s1 | no downgrade: Kubernetes cannot go back from v1.30.8+k3s2 to v1.30.8+k3s1
            """)
    void kubernetesMovesOneMinorAtATimeWithinItsDistribution(String distribution, String running, String kind, String target,
                                                             String expected) {
        ReleaseKind deviceKind = ReleaseKind.ofDistribution(distribution).orElseThrow();
        DeviceVersions device = new DeviceVersions(deviceKind, ReleaseVersion.parse(deviceKind, running).orElseThrow(), null, null);
        UpgradePaths.Path path = UpgradePaths.plan(device, find(kind, target), CATALOG, TODAY);
        assertEquals(expected, path.allowed() ? String.join(" ", path.hops().stream().map(r -> r.releaseVersion).toList())
                : path.refusal());
    }

    @ParameterizedTest(name = "OS image {0} → {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            CBL-Mariner/Linux 2.0.20241001 | 2.0.20241101 | 2.0.20241101
            CBL-Mariner/Linux 2.0.20241001 | 2.0.20240901 | os-image 2.0.20240901 is not newer than 2.0.20241001: OS images only move forward (a rollback returns to the previous image)
            2.0.20241101                   | 2.0.20241101 | os-image 2.0.20241101 is not newer than 2.0.20241101: OS images only move forward (a rollback returns to the previous image)
            """)
    void osImagesOnlyMoveForward(String running, String target, String expected) {
        DeviceVersions device = new DeviceVersions(null, null, ReleaseVersion.parse(ReleaseKind.OS_IMAGE, running).orElseThrow(), null);
        UpgradePaths.Path path = UpgradePaths.plan(device, find("os-image", target), CATALOG, TODAY);
        assertEquals(expected, path.allowed() ? path.hops().get(0).releaseVersion : path.refusal());
    }

    @ParameterizedTest(name = "agent {0} → 0.3.0 allowed: {1}")
    @CsvSource({"0.2.1, true", "0.3.0, false", "0.4.0, false", "0.1.0-SNAPSHOT, true"})
    void agentsMoveForward(String running, boolean allowed) {
        DeviceVersions device = new DeviceVersions(null, null, null, ReleaseVersion.parse(ReleaseKind.AGENT, running).orElseThrow());
        UpgradePaths.Path path = UpgradePaths.plan(device, find("agent", "0.3.0"), CATALOG, TODAY);
        assertEquals(allowed, path.allowed(), path.refusal());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            kubernetes | v1.30
            kubernetes | 1.30.4+k3s1
            k3s        | v1.30.4
            os-image   | latest
            agent      | 0
            """)
    void malformedVersionsAreNoVersions(String kind, String text) {
        assertTrue(ReleaseVersion.parse(ReleaseKind.fromWireName(kind).orElseThrow(), text).isEmpty());
    }

    @ParameterizedTest(name = "unknown {0}")
    @CsvSource({"kubernetes, v1.30.8", "os-image, 2.0.20241101"})
    void aDeviceThatReportsNothingHasNoPath(String kind, String target) {
        UpgradePaths.Path path = UpgradePaths.plan(new DeviceVersions(null, null, null, null), find(kind, target), CATALOG, TODAY);
        assertFalse(path.allowed());
    }

    private static Release find(String kind, String version) {
        return CATALOG.stream().filter(r -> r.kind.wireName().equals(kind) && r.releaseVersion.equals(version)).findFirst().orElseThrow();
    }

    private static Release release(ReleaseKind kind, String version, LocalDate endOfSupport) {
        Release release = new Release();
        release.id = UUID.randomUUID();
        release.kind = kind;
        release.releaseVersion = version;
        release.channel = "stable";
        release.releasedOn = LocalDate.of(2024, 1, 1);
        release.endOfSupport = endOfSupport;
        release.artifacts = List.of();
        return release;
    }
}
