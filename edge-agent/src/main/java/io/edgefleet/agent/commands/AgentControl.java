package io.edgefleet.agent.commands;

/** Commands that act on the agent itself rather than on the cluster. */
public interface AgentControl {

    /** Generates a new device key pair and registers it with provisioning-service. */
    void rotateCredentials() throws Exception;

    /** Closes the session and starts over, as a restarted agent would. */
    void restart();

    /**
     * Fetches the machine's GitOps configurations unless it holds {@code fingerprint} already,
     * and brings the cluster's Flux objects onto them; says what it did.
     */
    com.fasterxml.jackson.databind.JsonNode syncConfigurations(String fingerprint) throws Exception;
}
