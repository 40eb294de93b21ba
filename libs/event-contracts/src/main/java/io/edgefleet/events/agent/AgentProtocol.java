package io.edgefleet.events.agent;

/**
 * The version of the agent session protocol ({@link AgentMessage}), sent by the agent in the
 * {@value #HEADER} header of the session's upgrade request. Minor versions only add (new report
 * kinds, new optional fields, read tolerantly), so the gateway accepts the current and the
 * previous minor version of the current major: a fleet upgrades its agents over weeks, not at
 * once.
 *
 * <p>1.0: heartbeat, inventory report, commands. 1.1: the inventory report also carries the
 * machine's static allocations, network, time zone and the labels the device reports about
 * itself ({@code machine}, {@code reportedLabels}).
 */
public final class AgentProtocol {

    public static final String HEADER = "EdgeFleet-Agent-Protocol";
    public static final int MAJOR = 1;
    public static final int MINOR = 1;
    public static final String CURRENT = MAJOR + "." + MINOR;
    public static final String PREVIOUS = MAJOR + "." + (MINOR - 1);

    private AgentProtocol() {
    }

    /** Whether the gateway speaks {@code version}; an absent header is an agent from before it existed (1.0). */
    public static boolean accepted(String version) {
        String spoken = version == null || version.isBlank() ? "1.0" : version.trim();
        return CURRENT.equals(spoken) || PREVIOUS.equals(spoken);
    }
}
