package io.edgefleet.access;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What a user may do: a level over the whole organization (from the token's roles or an
 * organization-wide binding), and levels over some devices (scoped bindings).
 */
public record CallerGrants(Optional<AccessLevel> organizationWide, List<Scoped> scoped) {

    /** The identity attribute the grants travel under. */
    public static final String ATTRIBUTE = "edgefleet.grants";

    /** A level over the devices of some groups and those matching a selector. */
    public record Scoped(AccessLevel level, List<UUID> groupIds, String selector) {
    }

    public boolean organizationWide(AccessLevel needed) {
        return organizationWide.map(l -> l.includes(needed)).orElse(false);
    }

    /** The scoped grants at {@code needed} or above. */
    public List<Scoped> scopedAtLeast(AccessLevel needed) {
        return scoped.stream().filter(s -> s.level().includes(needed)).toList();
    }

    /** The highest level held anywhere. */
    public Optional<AccessLevel> highest() {
        return java.util.stream.Stream.concat(organizationWide.stream(), scoped.stream().map(Scoped::level))
                .max(Enum::compareTo);
    }
}
