package io.edgefleet.events;

/**
 * Kafka topic names. They are contracts with other systems: never rename one, add a new one.
 * Each consumed topic has a dead-letter topic named {@code <topic>.dlq}.
 */
public final class Topics {

    public static final String INVENTORY_EVENTS = "fleet.inventory.events";
    public static final String PROVISIONING_EVENTS = "fleet.provisioning.events";
    public static final String COMMAND_REQUESTS = "fleet.commands.requests";
    public static final String COMMAND_STATUS = "fleet.commands.status";
    public static final String AGENT_REPORTS = "fleet.agent.reports";
    public static final String TELEMETRY_SAMPLES = "fleet.telemetry.samples";
    public static final String TELEMETRY_ALERTS = "fleet.telemetry.alerts";
    public static final String POLICY_COMPLIANCE = "fleet.policy.compliance";
    public static final String UPDATE_EVENTS = "fleet.updates.events";
    public static final String EXTERNAL_DEVICES = "fleet.external.devices";

    public static final String DEAD_LETTER_SUFFIX = ".dlq";

    private Topics() {
    }

    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
