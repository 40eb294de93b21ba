package io.edgefleet.events.gitops;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * Data of {@code edgefleet.gitops.compliance.changed.v1}: one cluster's compliance with one GitOps
 * configuration changed (only changes are published). Key and subject = clusterId.
 *
 * @param clusterId inventory's cluster id, or the device id of a machine not (yet) in a cluster
 * @param deviceId the machine whose agent applies the cluster's configurations and reported this
 * @param previousState null for the cluster's first state under this configuration
 * @param state compliant, non-compliant, pending, suspended or unknown
 * @param message Flux's message (the failing kustomization's Ready condition), or why the state is what it is
 * @param revision the source revision last applied, as Flux names it (e.g. {@code main@sha1:…})
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GitOpsComplianceChanged(String clusterId, String deviceId, String configurationId, String configurationName,
                                      String previousState, String state, String message, String revision, Instant changedAt) {
}
