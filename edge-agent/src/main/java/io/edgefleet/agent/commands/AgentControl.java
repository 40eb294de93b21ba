package io.edgefleet.agent.commands;

/** Commands that act on the agent itself rather than on the cluster. */
public interface AgentControl {

    /** Generates a new device key pair and registers it with provisioning-service. */
    void rotateCredentials() throws Exception;

    /** Closes the session and starts over, as a restarted agent would. */
    void restart();
}
