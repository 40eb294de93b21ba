package io.edgefleet.telemetry;

import io.edgefleet.events.EventType;
import io.edgefleet.testsupport.KafkaTestClient;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Publishes inventory's events as inventory-service would, to feed this service's projection. */
public final class InventoryEvents {

    private InventoryEvents() {
    }

    /** A device registered in inventory, then enrolled under {@code identityId}. */
    public static void device(String org, String deviceId, String identityId, String name, Map<String, String> labels) {
        String labelsJson = labels.entrySet().stream().map(e -> "\"" + e.getKey() + "\":\"" + e.getValue() + "\"")
                .collect(Collectors.joining(",", "{", "}"));
        publish(EventType.DEVICE_REGISTERED, org, deviceId, "{\"deviceId\":\"" + deviceId + "\",\"name\":\"" + name
                + "\",\"labels\":" + labelsJson + ",\"registeredAt\":\"2026-11-29T10:00:00Z\"}");
        publish(EventType.DEVICE_UPDATED, org, deviceId, "{\"device\":{\"deviceId\":\"" + deviceId + "\",\"identityId\":\""
                + identityId + "\",\"name\":\"" + name + "\",\"labels\":" + labelsJson + ",\"lifecycle\":\"enrolled\","
                + "\"connectivity\":\"connected\",\"resourceVersion\":2},\"changedFields\":[\"lifecycle\"]}");
    }

    public static void staticGroup(String org, String groupId, String name, List<String> members) {
        String ids = members.stream().map(m -> "\"" + m + "\"").collect(Collectors.joining(",", "[", "]"));
        publish(EventType.GROUP_CHANGED, org, groupId, "{\"groupId\":\"" + groupId + "\",\"name\":\"" + name
                + "\",\"kind\":\"static\",\"members\":" + ids + ",\"deleted\":false,\"changedAt\":\"2026-11-29T10:00:00Z\"}");
    }

    public static void dynamicGroup(String org, String groupId, String name, String selector) {
        publish(EventType.GROUP_CHANGED, org, groupId, "{\"groupId\":\"" + groupId + "\",\"name\":\"" + name
                + "\",\"kind\":\"dynamic\",\"selector\":\"" + selector + "\",\"members\":[],\"deleted\":false,"
                + "\"changedAt\":\"2026-11-29T10:00:00Z\"}");
    }

    private static void publish(EventType type, String org, String key, String data) {
        KafkaTestClient.publish(type.topic(), key, data, Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(),
                "ce_source", "/edgefleet/inventory-service", "ce_type", type.wireName(), "ce_subject", key, "ce_orgid", org,
                "content-type", "application/json"));
    }
}
