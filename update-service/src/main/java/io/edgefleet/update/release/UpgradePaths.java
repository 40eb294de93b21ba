package io.edgefleet.update.release;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The upgrade-path rules. Kubernetes and k3s move one minor version at a time (1.29 → 1.30, not
 * 1.29 → 1.31), never switch between k8s and k3s and never go back; OS images and agents only
 * move forward (an OS image's rollback is the machine's previous image, not a new target). A far
 * target is reached through hops: the newest supported release of each minor line in between.
 */
public final class UpgradePaths {

    private UpgradePaths() {
    }

    /**
     * The way from what a device runs to {@code target}.
     *
     * @param hops the releases to install in order, the last being the target; empty when refused
     * @param refusal why the target cannot be reached, else null
     */
    public record Path(List<Release> hops, String refusal) {

        static Path refused(String reason) {
            return new Path(List.of(), reason);
        }

        public boolean allowed() {
            return refusal == null;
        }

        /** The target is the device's next step, with nothing in between. */
        public boolean isNextHop() {
            return allowed() && hops.size() == 1;
        }
    }

    /** The path from {@code device} to {@code target} through releases of {@code catalog}, on {@code today}. */
    public static Path plan(DeviceVersions device, Release target, List<Release> catalog, LocalDate today) {
        ReleaseVersion to = target.parsedVersion();
        if (!target.supportedOn(today)) {
            return Path.refused(target.releaseVersion + " is past its end of support (" + target.endOfSupport + ")");
        }
        if (target.kind.isKubernetes()) {
            return kubernetes(device, target, to, catalog, today);
        }
        ReleaseVersion from = device.current(target.kind);
        if (from == null) {
            return Path.refused("the device reports no " + target.kind.wireName() + " version yet");
        }
        if (!to.isAfter(from)) {
            return Path.refused(target.kind.wireName() + " " + to + " is not newer than " + from + ": "
                    + (target.kind == ReleaseKind.OS_IMAGE ? "OS images only move forward (a rollback returns to the previous image)"
                    : "no downgrade"));
        }
        return new Path(List.of(target), null);
    }

    private static Path kubernetes(DeviceVersions device, Release target, ReleaseVersion to, List<Release> catalog,
                                   LocalDate today) {
        if (device.distribution() == null || device.kubernetes() == null) {
            return Path.refused("the device reports no Kubernetes distribution and version yet");
        }
        if (device.distribution() != target.kind) {
            return Path.refused("never between k8s and k3s: the device runs " + device.distribution().wireName()
                    + ", the release is " + target.kind.wireName());
        }
        ReleaseVersion from = device.kubernetes();
        if (to.equals(from)) {
            return Path.refused("already at " + from);
        }
        if (from.isAfter(to)) {
            return Path.refused("no downgrade: Kubernetes cannot go back from " + from + " to " + to);
        }
        if (to.major() != from.major()) {
            return Path.refused("no upgrade path between major versions " + from.major() + " and " + to.major());
        }
        List<Release> hops = new ArrayList<>();
        for (long minor = from.minor() + 1; minor < to.minor(); minor++) {
            Optional<Release> step = newestOfLine(catalog, target.kind, from.major(), minor, today);
            if (step.isEmpty()) {
                return Path.refused("skips minor versions, and the catalog has no supported " + target.kind.wireName() + " "
                        + from.major() + "." + minor + " to pass through");
            }
            hops.add(step.get());
        }
        hops.add(target);
        return new Path(List.copyOf(hops), null);
    }

    private static Optional<Release> newestOfLine(List<Release> catalog, ReleaseKind kind, long major, long minor, LocalDate today) {
        return catalog.stream().filter(r -> r.kind == kind && r.supportedOn(today) && "stable".equals(r.channel))
                .filter(r -> r.parsedVersion().major() == major && r.parsedVersion().minor() == minor)
                .max(Comparator.comparing(Release::parsedVersion));
    }
}
