package io.edgefleet.inventory.service;

import java.util.List;
import java.util.Map;

/**
 * What an admin asks for: {@code subject} holds {@code role} over the devices of {@code groups}
 * (ids or names) or matching {@code labelSelector} — the whole organization when both are empty.
 */
public record RoleBindingSpec(String name, Map<String, String> labels, String subjectKind, String subject, String role,
                              List<String> groups, String labelSelector) {
}
