package io.edgefleet.inventory.rest;

import io.edgefleet.core.concurrency.Versions;
import io.edgefleet.inventory.domain.RoleBinding;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A role binding as the API shows it (groups by id). */
@Schema(name = "RoleBinding")
public record RoleBindingView(String id, String name, Map<String, String> labels, String resourceVersion,
                              OffsetDateTime createdAt, String createdBy, RoleBindingRequest.Spec spec) {

    static RoleBindingView of(RoleBinding b) {
        RoleBindingRequest.Scope scope = new RoleBindingRequest.Scope(Arrays.stream(b.groupIds).map(UUID::toString).toList(),
                b.selector);
        return new RoleBindingView(b.id.toString(), b.name, Map.copyOf(b.labels), Versions.text(b.version), b.createdAt,
                b.createdBy, new RoleBindingRequest.Spec(new RoleBindingRequest.Subject(b.subjectKind, b.subject), b.role, scope));
    }
}
