package io.edgefleet.provisioning.config;

import io.smallrye.config.ConfigMapping;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Where devices reach the fleet from outside: written into onboarding bundles. Deliberately
 * without defaults: a bundle carrying a loopback address onboards no real machine, so the
 * addresses are configured (the dev stack sets its own) or bundles are refused.
 */
@ConfigMapping(prefix = "edgefleet.public-url")
public interface PublicUrls {

    /**
     * The agent gateway (provisioning-service) as devices reach it, most preferred first; agents
     * fail over between them in this order.
     */
    Optional<List<URI>> gateway();

    /** Telemetry ingest (telemetry-service) as devices reach it; without it agents send no telemetry. */
    Optional<URI> telemetry();

    /** gitops-service's device API as devices reach it; without it agents hold no GitOps configurations. */
    Optional<URI> gitops();
}
