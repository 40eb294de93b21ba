package io.edgefleet.gitops.compliance;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.edgefleet.core.limits.Limits;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the applying machine's agent reports of its cluster's Flux objects, on change and after
 * every connect: the whole state each time, so a lost report is made good by the next.
 *
 * @param fluxInstalled false when the cluster has no Flux CRDs: every configuration is non-compliant ({@code flux-not-installed})
 * @param configurations one per configuration the agent applied
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClusterStatusReport(boolean fluxInstalled,
                                  @Size(max = Limits.LIST_ITEMS) List<@Valid ConfigurationStatus> configurations) {

    /**
     * @param resourceVersion the configuration's version the agent applied (older than the current: still {@code pending})
     * @param message why the agent could not apply it at all (e.g. a label a substitution needs is missing)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ConfigurationStatus(UUID id, @Size(max = Limits.SHORT_TEXT) String resourceVersion,
                                      @Size(max = Limits.TEXT) String message,
                                      @Size(max = Limits.KUSTOMIZATIONS) List<@Valid KustomizationStatus> kustomizations) {
    }

    /**
     * A Flux Kustomization's Ready condition as Flux wrote it.
     *
     * @param ready {@code True}, {@code False} or {@code Unknown} (reconciling); absent: the object is missing
     * @param revision the last applied revision ({@code status.lastAppliedRevision})
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record KustomizationStatus(@Size(max = Limits.SHORT_TEXT) String name,
                                      @Schema(enumeration = {"True", "False", "Unknown"}) @Size(max = Limits.SHORT_TEXT) String ready,
                                      @Size(max = Limits.SHORT_TEXT) String reason, @Size(max = Limits.TEXT) String message,
                                      @Size(max = Limits.SHORT_TEXT) String revision) {
    }
}
