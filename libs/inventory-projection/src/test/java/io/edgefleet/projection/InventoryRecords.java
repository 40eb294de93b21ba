package io.edgefleet.projection;

import io.edgefleet.events.EventType;
import io.edgefleet.testsupport.KafkaTestClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Publishes what inventory-service publishes for a projection, as it would: device states on
 * the compacted {@code fleet.inventory.devices}, groups on {@code fleet.inventory.events}. Used by
 * every service that embeds the projection.
 */
public final class InventoryRecords {

    private InventoryRecords() {
    }

    /** A device in inventory, enrolled under {@code identityId} (null: not enrolled). */
    public static void device(String org, String deviceId, String identityId, String name, Map<String, String> labels) {
        state(org, deviceId, identityId, name, labels, identityId == null ? "registered" : "enrolled", 1);
    }

    /** One state of a device, at {@code resourceVersion}. */
    public static void state(String org, String deviceId, String identityId, String name, Map<String, String> labels,
                             String lifecycle, long resourceVersion) {
        publish(EventType.DEVICE_STATE, org, deviceId, stateData(deviceId, identityId, name, labels, lifecycle, resourceVersion,
                ""));
    }

    /** An enrolled machine of cluster {@code clusterId}, {@code control-plane} or {@code worker} there. */
    public static void machine(String org, String deviceId, String identityId, String name, String clusterId, String role) {
        publish(EventType.DEVICE_STATE, org, deviceId, stateData(deviceId, identityId, name, Map.of(), "enrolled", 1,
                ",\"clusterId\":\"" + clusterId + "\",\"clusterRole\":\"" + role + "\""));
    }

    private static String stateData(String deviceId, String identityId, String name, Map<String, String> labels,
                                    String lifecycle, long resourceVersion, String more) {
        String identity = identityId == null ? "null" : "\"" + identityId + "\"";
        return "{\"deviceId\":\"" + deviceId + "\",\"identityId\":" + identity + ",\"name\":\"" + name
                + "\",\"labels\":" + json(labels) + ",\"lifecycle\":\"" + lifecycle + "\","
                + "\"connectivity\":\"connected\",\"resourceVersion\":" + resourceVersion + more + "}";
    }

    /** A device's state with more fields, given as JSON members ({@code "agentVersion":"1.1.0"}). */
    public static void stateWith(String org, String deviceId, String name, long resourceVersion, String members) {
        stateWith(org, deviceId, name, Map.of(), resourceVersion, members);
    }

    /** An enrolled device's state (under provisioning's {@code identityId}) with more fields. */
    public static void stateWithIdentity(String org, String deviceId, String identityId, String name, long resourceVersion,
                                         String members) {
        stateWithIdentity(org, deviceId, identityId, name, Map.of(), resourceVersion, members);
    }

    /** The same, with labels. */
    public static void stateWithIdentity(String org, String deviceId, String identityId, String name, Map<String, String> labels,
                                         long resourceVersion, String members) {
        publish(EventType.DEVICE_STATE, org, deviceId, stateData(deviceId, identityId, name, labels, "enrolled", resourceVersion,
                "," + members));
    }

    /** The same, with labels. */
    public static void stateWith(String org, String deviceId, String name, Map<String, String> labels, long resourceVersion,
                                 String members) {
        publish(EventType.DEVICE_STATE, org, deviceId, stateData(deviceId, null, name, labels, "enrolled", resourceVersion,
                "," + members));
    }

    /** A cluster's whole state (distribution, CNI, the machines and nodes given as JSON arrays) as of {@code changedAt}. */
    public static void cluster(String org, String clusterId, String distribution, String cni, String machines, String nodes,
                               java.time.Instant changedAt) {
        publish(EventType.CLUSTER_INVENTORY_CHANGED, org, clusterId, "{\"clusterId\":\"" + clusterId + "\",\"name\":\"c-"
                + clusterId + "\",\"distribution\":\"" + distribution + "\",\"kubernetesVersion\":\"v1.30.4\",\"cni\":\"" + cni
                + "\",\"storageDrivers\":[],\"labels\":{},\"machines\":" + machines + ",\"nodes\":" + nodes
                + ",\"changedAt\":\"" + changedAt + "\"}");
    }

    /** The device was deleted: a tombstone on the compacted topic. */
    public static void deleted(String org, String deviceId) {
        publish(EventType.DEVICE_STATE, org, deviceId, null);
    }

    public static void staticGroup(String org, String groupId, String name, List<String> members) {
        String ids = members.stream().map(m -> "\"" + m + "\"").collect(Collectors.joining(",", "[", "]"));
        group(org, groupId, "{\"groupId\":\"" + groupId + "\",\"name\":\"" + name
                + "\",\"kind\":\"static\",\"members\":" + ids + ",\"deleted\":false,\"changedAt\":\"2026-11-29T10:00:00Z\"}");
    }

    public static void dynamicGroup(String org, String groupId, String name, String selector) {
        group(org, groupId, "{\"groupId\":\"" + groupId + "\",\"name\":\"" + name
                + "\",\"kind\":\"dynamic\",\"selector\":\"" + selector + "\",\"members\":[],\"deleted\":false,"
                + "\"changedAt\":\"2026-11-29T10:00:00Z\"}");
    }

    /** A group.changed event with the given data, as is. */
    public static void group(String org, String groupId, String data) {
        publish(EventType.GROUP_CHANGED, org, groupId, data);
    }

    /** A role binding: {@code subject} ({@code user} or {@code group}) holds {@code role} over a label selector, or everything when null. */
    public static void roleBinding(String org, String bindingId, String subjectKind, String subject, String role, String selector) {
        roleBindingAt(org, bindingId, subjectKind, subject, role, selector, nextChange());
    }

    /** A role binding's state as of {@code changedAt}. */
    public static void roleBindingAt(String org, String bindingId, String subjectKind, String subject, String role,
                                     String selector, java.time.Instant changedAt) {
        publish(EventType.ROLE_BINDING_CHANGED, org, bindingId, bindingData(bindingId, subjectKind, subject, role, selector,
                false, changedAt));
    }

    /** The binding is gone. */
    public static void roleBindingDeleted(String org, String bindingId, String subject) {
        publish(EventType.ROLE_BINDING_CHANGED, org, bindingId, bindingData(bindingId, "user", subject, "viewer", null, true,
                nextChange()));
    }

    /** Each state published later than the one before (time comes from no clock here: a fixed base and a sequence). */
    private static java.time.Instant nextChange() {
        return CHANGES_FROM.plusMillis(CHANGES.incrementAndGet());
    }

    private static final java.time.Instant CHANGES_FROM = java.time.Instant.parse("2026-12-02T10:00:00Z");
    private static final java.util.concurrent.atomic.AtomicLong CHANGES = new java.util.concurrent.atomic.AtomicLong();

    private static String bindingData(String bindingId, String subjectKind, String subject, String role, String selector,
                                      boolean deleted, java.time.Instant changedAt) {
        return "{\"bindingId\":\"" + bindingId + "\",\"name\":\"b-" + bindingId + "\",\"subjectKind\":\"" + subjectKind
                + "\",\"subject\":\"" + subject + "\",\"role\":\"" + role + "\",\"organizationWide\":" + (selector == null)
                + ",\"groups\":[],\"labelSelector\":" + (selector == null ? "null" : "\"" + selector + "\"") + ",\"deleted\":"
                + deleted + ",\"changedAt\":\"" + changedAt + "\"}";
    }

    /** The CloudEvents headers inventory-service sends with an event of {@code type} about {@code key}. */
    public static Map<String, String> headers(EventType type, String org, String key) {
        Map<String, String> headers = new HashMap<>(Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(),
                "ce_source", "/edgefleet/inventory-service", "ce_type", type.wireName(), "ce_subject", key, "ce_orgid", org,
                "ce_time", "2026-12-02T10:00:00Z"));
        headers.put("content-type", "application/json");
        return headers;
    }

    private static void publish(EventType type, String org, String key, String data) {
        Map<String, String> headers = headers(type, org, key);
        if (data == null) {
            headers.remove("content-type");
        }
        KafkaTestClient.publish(type.topic(), key, data, headers);
    }

    private static String json(Map<String, String> labels) {
        return labels.entrySet().stream().map(e -> "\"" + e.getKey() + "\":\"" + e.getValue() + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }
}
