package io.edgefleet.update.release;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.edgefleet.core.limits.Limits;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A release as the catalog file and the API write it.
 *
 * @param kind {@code kubernetes}, {@code k3s}, {@code os-image} or {@code agent}
 * @param version as the kind writes it: {@code v1.30.4}, {@code v1.30.4+k3s1}, {@code 2.0.20241101}, {@code 0.4.0}
 * @param channel {@code stable} (default) or {@code preview}
 * @param endOfSupport the last day it is supported; no rollout targets it after
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReleaseSpec(@Schema(enumeration = {"kubernetes", "k3s", "os-image", "agent"}) @Size(max = Limits.SHORT_TEXT) String kind,
                          @Size(max = Limits.SHORT_TEXT) String version,
                          @Schema(enumeration = {"stable", "preview"}) @Size(max = Limits.SHORT_TEXT) String channel,
                          LocalDate releasedOn, LocalDate endOfSupport, @Size(max = Limits.TEXT) String notes,
                          @Size(max = Limits.RELEASE_ARTIFACTS) List<@Valid Artifact> artifacts) {

    /**
     * A downloadable part of the release.
     *
     * @param signature base64 signature over the artifact, checked by the agent against its trust bundle (agent releases)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Artifact(@Size(max = Limits.TEXT) String url, @Size(max = 64) String sha256,
                           @Size(max = Limits.SIGNATURE) String signature) {
    }

    public static ReleaseSpec of(Release release) {
        return new ReleaseSpec(release.kind.wireName(), release.releaseVersion, release.channel, release.releasedOn,
                release.endOfSupport, release.notes, release.artifacts);
    }
}
