package io.edgefleet.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every CloudEvent type EdgeFleet publishes, with its wire name, the topic it travels on and
 * the data record it carries. The JSON Schema of each lives at {@code schemas/<wireName>.json}.
 */
public enum EventType {

    DEVICE_REGISTERED("edgefleet.inventory.device.registered.v1", Topics.INVENTORY_EVENTS, DeviceRegistered.class);

    private final String wireName;
    private final String topic;
    private final Class<?> dataType;

    EventType(String wireName, String topic, Class<?> dataType) {
        this.wireName = wireName;
        this.topic = topic;
        this.dataType = dataType;
    }

    /** The CloudEvents {@code type} attribute. */
    public String wireName() {
        return wireName;
    }

    public String topic() {
        return topic;
    }

    public Class<?> dataType() {
        return dataType;
    }

    /** Classpath location of this type's JSON Schema. */
    public String schemaResource() {
        return "/schemas/" + wireName + ".json";
    }

    /** Tolerant lookup: an unknown type is not an error for a reader, it is skipped. */
    public static Optional<EventType> fromWireName(String wireName) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(wireName)).findFirst();
    }
}
