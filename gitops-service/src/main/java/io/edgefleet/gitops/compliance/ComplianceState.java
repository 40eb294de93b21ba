package io.edgefleet.gitops.compliance;

import io.edgefleet.core.concurrency.Versions;
import io.edgefleet.gitops.compliance.ClusterStatusReport.ConfigurationStatus;
import io.edgefleet.gitops.compliance.ClusterStatusReport.KustomizationStatus;
import io.edgefleet.gitops.configuration.Configuration;
import java.util.List;

/**
 * A cluster's compliance with one configuration, judged from its agent's report: compliant when
 * every kustomization of the current version is Ready, non-compliant with Flux's message when one
 * is not (or Flux is missing), pending while it reconciles or runs an older version, suspended
 * while its configuration is.
 *
 * @param message Flux's (or the agent's) words, capped; null when compliant
 */
record ComplianceState(String state, String message, String revision) {

    static final String COMPLIANT = "compliant";
    static final String NON_COMPLIANT = "non-compliant";
    static final String PENDING = "pending";
    static final String SUSPENDED = "suspended";
    static final String UNKNOWN = "unknown";

    private static final int MESSAGE = 1_024;

    /** Before any report, or after the configuration changed. */
    static ComplianceState initial(Configuration configuration) {
        return Boolean.TRUE.equals(configuration.spec.suspend()) ? new ComplianceState(SUSPENDED, "suspended by its configuration", null)
                : new ComplianceState(PENDING, "waiting for the cluster's agent to apply it", null);
    }

    /**
     * Suspended first: an operator's pause asks nothing of any cluster, with Flux or without, and
     * is what {@link #initial} already says when the configuration changes.
     */
    static ComplianceState judged(Configuration configuration, boolean fluxInstalled, ConfigurationStatus status) {
        if (Boolean.TRUE.equals(configuration.spec.suspend())) {
            return new ComplianceState(SUSPENDED, "suspended by its configuration", null);
        }
        if (!fluxInstalled) {
            return new ComplianceState(NON_COMPLIANT, "flux-not-installed: the cluster has no Flux CRDs; install Flux first", null);
        }
        if (status == null || !Versions.text(configuration.version).equals(status.resourceVersion())) {
            return initial(configuration);
        }
        if (status.message() != null) {
            return new ComplianceState(NON_COMPLIANT, capped(status.message()), null);
        }
        List<KustomizationStatus> reported = status.kustomizations() == null ? List.of() : status.kustomizations();
        String revision = reported.stream().map(KustomizationStatus::revision).filter(r -> r != null).findFirst().orElse(null);
        for (var k : configuration.spec.kustomizations()) {
            KustomizationStatus s = reported.stream().filter(r -> k.name().equals(r.name())).findFirst().orElse(null);
            if (s == null || s.ready() == null) {
                return new ComplianceState(UNKNOWN, "kustomization " + k.name() + " is not on the cluster", revision);
            }
            if ("False".equals(s.ready())) {
                return new ComplianceState(NON_COMPLIANT, capped(k.name() + ": " + (s.reason() == null ? "" : s.reason() + ": ")
                        + (s.message() == null ? "not ready" : s.message())), revision);
            }
            if (!"True".equals(s.ready())) {
                return new ComplianceState(PENDING, capped(k.name() + ": reconciling" + (s.message() == null ? "" : ": " + s.message())),
                        revision);
            }
        }
        return new ComplianceState(COMPLIANT, null, revision);
    }

    private static String capped(String text) {
        return text.length() <= MESSAGE ? text : text.substring(0, MESSAGE);
    }
}
