package io.edgefleet.events.inventory;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/**
 * Data of {@code edgefleet.inventory.role-binding.changed.v1}: a role binding's whole current
 * state, so every service enforces it without calling inventory. Key and subject = bindingId.
 *
 * @param subjectKind {@code user} (a token's subject) or {@code group} (a value of its groups claim)
 * @param role {@code viewer}, {@code operator} or {@code admin}
 * @param groups ids of the device groups in scope
 * @param labelSelector devices in scope by their labels, else null
 * @param organizationWide true when the binding covers the whole organization (no groups, no selector)
 * @param deleted true once the binding is gone
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RoleBindingChanged(String bindingId, String name, String subjectKind, String subject, String role,
                                 boolean organizationWide, List<String> groups, String labelSelector, boolean deleted,
                                 Instant changedAt) {
}
