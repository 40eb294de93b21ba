package io.edgefleet.update.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The shipped catalog is well formed and realistic: k8s and k3s over three minor lines, monthly OS images, multi-hop paths. */
class CatalogFileTest {

    @Test
    void everyShippedReleaseIsWellFormedAndUnique() throws Exception {
        List<Release> releases = shipped();
        ReleaseRules rules = new ReleaseRules();
        Set<String> seen = releases.stream().map(r -> r.kind.wireName() + "/" + r.releaseVersion).collect(Collectors.toSet());
        assertEquals(releases.size(), seen.size(), "a kind and version appears once");
        Map<ReleaseKind, Set<String>> lines = releases.stream().filter(r -> r.kind.isKubernetes() && "stable".equals(r.channel))
                .collect(Collectors.groupingBy(r -> r.kind, Collectors.mapping(r -> r.parsedVersion().minorLine(), Collectors.toSet())));
        assertTrue(lines.get(ReleaseKind.KUBERNETES).containsAll(Set.of("1.30", "1.31", "1.32")), lines.toString());
        assertTrue(lines.get(ReleaseKind.K3S).containsAll(Set.of("1.30", "1.31", "1.32")), lines.toString());
        assertTrue(releases.stream().filter(r -> r.kind == ReleaseKind.OS_IMAGE).count() >= 3, "several monthly images");
        releases.forEach(r -> rules.toRelease(ReleaseSpec.of(r), r.id, null, OffsetDateTime.now()));
    }

    @Test
    void theSimulatorsVersionsReachTheNewestLineInHops() throws Exception {
        List<Release> releases = shipped();
        LocalDate today = LocalDate.of(2026, 12, 3);
        Release newestK3s = releases.stream().filter(r -> r.kind == ReleaseKind.K3S && "stable".equals(r.channel))
                .max(java.util.Comparator.comparing(Release::parsedVersion)).orElseThrow();
        DeviceVersions simulated = new DeviceVersions(ReleaseKind.K3S, ReleaseVersion.parse(ReleaseKind.K3S, "v1.30.4+k3s1")
                .orElseThrow(), null, null);
        UpgradePaths.Path path = UpgradePaths.plan(simulated, newestK3s, releases, today);
        assertEquals(List.of("v1.31.4+k3s1", "v1.32.1+k3s1"), path.hops().stream().map(r -> r.releaseVersion).toList());
    }

    static List<Release> shipped() throws Exception {
        try (InputStream in = CatalogFileTest.class.getResourceAsStream("/releases/catalog.yaml")) {
            ReleaseRules rules = new ReleaseRules();
            return CatalogFile.parse(in).releases().stream().map(spec -> rules.toRelease(spec,
                    ReleaseCatalog.shippedId(rules.kind(spec.kind()), spec.version()), null, OffsetDateTime.now())).toList();
        }
    }

}
