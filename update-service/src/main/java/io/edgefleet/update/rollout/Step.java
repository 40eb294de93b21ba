package io.edgefleet.update.rollout;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;

/**
 * One command a unit takes. A machine's step names one machine; a cluster-wide command's step
 * names the cluster's machines in order of preference (control plane first) and goes to the
 * first one connected when it is dispatched.
 *
 * @param machines inventory's ids of the machines it may go to, preferred first
 * @param identities provisioning's ids of the same machines (commands are addressed by them)
 * @param releaseKind for a release step, the kind of release it installs; else null
 * @param version for a release step, the version it installs; else null
 * @param fromVersion for a release step, what the machine ran before (an OS image's rollback returns to it)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Step(List<UUID> machines, List<UUID> identities, String type, JsonNode payload, String releaseKind,
                   String version, String fromVersion) {
}
