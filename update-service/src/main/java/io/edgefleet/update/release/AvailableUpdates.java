package io.edgefleet.update.release;

import io.edgefleet.core.error.FleetException;
import io.edgefleet.core.limits.Limits;
import io.edgefleet.projection.read.ProjectedDocuments;
import io.edgefleet.update.UpdateErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** What one device may move to next, and why not to the other releases of the catalog. */
@ApplicationScoped
public class AvailableUpdates {

    private final ProjectedDocuments documents;
    private final ReleaseCatalog catalog;
    private final Clock clock;

    public AvailableUpdates(ProjectedDocuments documents, ReleaseCatalog catalog, Clock clock) {
        this.documents = documents;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** What the device runs, as inventory reports it; null where unknown. */
    public record Current(String distribution, String kubernetes, String osImage, String agent) {
    }

    /**
     * One release as seen from the device.
     *
     * @param next the device may install it now, with nothing in between
     * @param path the versions a rollout installs on the way to it (the last is the release itself); empty when refused
     * @param refusal why it cannot be reached, else null
     */
    public record Option(UUID releaseId, String kind, String version, String channel, boolean next, List<String> path,
                         String refusal) {
    }

    public record Answer(UUID deviceId, Current current, List<Option> updates) {
    }

    @Transactional
    public Answer of(String orgId, UUID deviceId) {
        ProjectedDocuments.Document document = documents.of(orgId, deviceId).orElseThrow(() ->
                new FleetException(UpdateErrorCode.DEVICE_NOT_FOUND, "no device " + deviceId));
        DeviceVersions versions = DeviceVersions.of(document);
        List<Release> releases = catalog.visible(orgId);
        LocalDate today = LocalDate.now(clock);
        List<Option> options = releases.stream().filter(r -> worthListing(versions, r))
                .sorted(Comparator.comparing((Release r) -> r.kind).thenComparing(Release::parsedVersion))
                .limit(Limits.LIST_ITEMS).map(r -> option(versions, r, releases, today)).toList();
        return new Answer(document.deviceId(), new Current(versions.distribution() == null ? null
                : versions.distribution() == ReleaseKind.K3S ? "k3s" : "k8s", text(versions.kubernetes()), text(versions.osImage()),
                text(versions.agent())), options);
    }

    /** Releases newer than what the device runs of their line, and every release of the other Kubernetes distribution. */
    private static boolean worthListing(DeviceVersions versions, Release release) {
        ReleaseVersion current = versions.current(release.kind);
        return current == null || release.parsedVersion().isAfter(current);
    }

    private static Option option(DeviceVersions versions, Release release, List<Release> catalog, LocalDate today) {
        UpgradePaths.Path path = UpgradePaths.plan(versions, release, catalog, today);
        return new Option(release.id, release.kind.wireName(), release.releaseVersion, release.channel, path.isNextHop(),
                path.hops().stream().map(h -> h.releaseVersion).toList(), path.refusal());
    }

    private static String text(ReleaseVersion version) {
        return version == null ? null : version.text();
    }
}
