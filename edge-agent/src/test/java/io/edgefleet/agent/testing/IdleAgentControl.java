package io.edgefleet.agent.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.agent.commands.AgentControl;

/** An agent for command tests that are not about the agent itself: each of its own actions does nothing. */
public final class IdleAgentControl implements AgentControl {

    @Override
    public void rotateCredentials() {
    }

    @Override
    public void restart() {
    }

    @Override
    public JsonNode syncConfigurations(String fingerprint) {
        throw new UnsupportedOperationException("this test's agent holds no configurations");
    }
}
