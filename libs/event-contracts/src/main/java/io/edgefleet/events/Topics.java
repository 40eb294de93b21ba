package io.edgefleet.events;

/**
 * Kafka topic names. They are contracts with other systems: never rename one, add a new one.
 * Each consumer has its own dead-letter topic, named by one rule: {@code <topic>.<service>.dlq}
 * ({@link #deadLetterOf(String, String)}).
 */
public final class Topics {

    public static final String INVENTORY_EVENTS = "fleet.inventory.events";
    /**
     * Compacted: each device's whole current state (key = device id, a tombstone once deleted),
     * so a new consumer or a restored database rebuilds its projection after the history on
     * {@link #INVENTORY_EVENTS} has been removed by retention.
     */
    public static final String INVENTORY_DEVICES = "fleet.inventory.devices";
    public static final String PROVISIONING_EVENTS = "fleet.provisioning.events";
    public static final String COMMAND_REQUESTS = "fleet.commands.requests";
    public static final String COMMAND_STATUS = "fleet.commands.status";
    public static final String AGENT_REPORTS = "fleet.agent.reports";
    public static final String TELEMETRY_SAMPLES = "fleet.telemetry.samples";
    public static final String TELEMETRY_ALERTS = "fleet.telemetry.alerts";
    public static final String POLICY_COMPLIANCE = "fleet.policy.compliance";
    /**
     * Compacted: every enforced deny assignment with its rule (key = assignment id, a tombstone
     * once it ends), so the services that refuse changes judge them without calling policy-service.
     */
    public static final String POLICY_RULES = "fleet.policy.rules";
    public static final String UPDATE_EVENTS = "fleet.updates.events";
    /** GitOps compliance per cluster and configuration (gitops-service). */
    public static final String GITOPS_STATUS = "fleet.gitops.status";
    public static final String EXTERNAL_DEVICES = "fleet.external.devices";
    /** Who did what: one {@code edgefleet.audit.recorded.v1} per action, from every service. */
    public static final String AUDIT_EVENTS = "fleet.audit.events";

    public static final String DEAD_LETTER_SUFFIX = ".dlq";

    private Topics() {
    }

    /** Every topic EdgeFleet's services publish or consume, so each exists before its first event. */
    public static final java.util.List<String> ALL = java.util.List.of(INVENTORY_EVENTS, INVENTORY_DEVICES, PROVISIONING_EVENTS,
            COMMAND_REQUESTS, COMMAND_STATUS, AGENT_REPORTS, TELEMETRY_SAMPLES, TELEMETRY_ALERTS, POLICY_COMPLIANCE, POLICY_RULES,
            UPDATE_EVENTS, GITOPS_STATUS, EXTERNAL_DEVICES, AUDIT_EVENTS);

    /** Topics that keep the latest record per key ({@code cleanup.policy=compact}) instead of a history. */
    public static final java.util.Set<String> COMPACTED = java.util.Set.of(INVENTORY_DEVICES, POLICY_RULES);

    /** The dead-letter topic of {@code service}'s consumer of {@code topic}. */
    public static String deadLetterOf(String topic, String service) {
        return topic + "." + service + DEAD_LETTER_SUFFIX;
    }
}
