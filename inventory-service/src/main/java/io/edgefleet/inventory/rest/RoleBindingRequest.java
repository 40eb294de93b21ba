package io.edgefleet.inventory.rest;

import io.edgefleet.core.limits.Limits;
import io.edgefleet.inventory.service.RoleBindingSpec;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A role binding as an admin writes it: name, labels and spec. */
@Schema(name = "RoleBindingRequest")
public record RoleBindingRequest(@NotBlank @Size(max = Limits.NAME)
                                 @Pattern(regexp = DeviceNames.DNS_1123, message = DeviceNames.MESSAGE) String name,
                                 @Size(max = Limits.LABELS)
                                 Map<@Size(max = Limits.LABEL_KEY) String, @Size(max = Limits.LABEL_VALUE) String> labels,
                                 @Valid @NotNull Spec spec) {

    /** Who holds which role over what. */
    @Schema(name = "RoleBindingSpec")
    public record Spec(@Valid @NotNull Subject subject,
                       @NotNull @Pattern(regexp = "viewer|operator|admin", message = "must be viewer, operator or admin")
                       @Schema(enumeration = {"viewer", "operator", "admin"}, maxLength = Limits.SHORT_TEXT) String role,
                       @Valid Scope scope) {
    }

    /**
     * A user by the {@code sub} of their tokens, or everyone whose token's {@code groups} claim
     * carries {@code name}.
     */
    @Schema(name = "RoleBindingSubject")
    public record Subject(@NotNull @Pattern(regexp = "user|group", message = "must be user or group")
                          @Schema(enumeration = {"user", "group"}, maxLength = Limits.SHORT_TEXT) String kind,
                          @NotBlank @Size(max = Limits.NAME) String name) {
    }

    /**
     * The devices the role covers: members of any of {@code groups} (ids or names) or devices
     * matching {@code labelSelector}. Absent or empty: the whole organization.
     */
    @Schema(name = "RoleBindingScope")
    public record Scope(@Size(max = Limits.LIST_ITEMS) List<@NotBlank @Size(max = Limits.NAME) String> groups,
                        @Size(max = Limits.TEXT) String labelSelector) {
    }

    RoleBindingSpec toSpec() {
        Scope scope = spec.scope() == null ? new Scope(List.of(), null) : spec.scope();
        return new RoleBindingSpec(name, labels, spec.subject().kind(), spec.subject().name().trim(), spec.role(),
                scope.groups() == null ? List.of() : scope.groups(), scope.labelSelector());
    }
}
