package io.edgefleet.gitops.rest;

import io.edgefleet.core.concurrency.Versions;
import io.edgefleet.gitops.configuration.Configuration;
import io.edgefleet.gitops.configuration.ConfigurationSpec;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** A configuration as the API shows it: its spec without credentials, and what is known of it across the fleet. */
public record ConfigurationView(UUID id, String name, String resourceVersion, ConfigurationSpec spec, Status status,
                                OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    /**
     * @param credentials which credentials are held (e.g. {@code basic-auth}, {@code ssh-key+…}); never their values; null: none
     * @param compliance clusters per state ({@code compliant}, {@code non-compliant}, {@code pending}, {@code suspended}, {@code unknown})
     */
    public record Status(String credentials, Map<String, Long> compliance) {
    }

    static ConfigurationView of(Configuration c, Map<String, Long> compliance) {
        return new ConfigurationView(c.id, c.name, Versions.text(c.version), c.spec, new Status(c.credentialKind, compliance),
                c.createdAt, c.updatedAt);
    }
}
