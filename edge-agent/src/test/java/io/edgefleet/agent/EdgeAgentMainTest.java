package io.edgefleet.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainTest;
import org.junit.jupiter.api.Test;

@QuarkusMainTest
class EdgeAgentMainTest {

    @Test
    @Launch("version")
    void printsItsVersion(LaunchResult result) {
        assertTrue(result.getOutputStream().stream().anyMatch(line -> line.startsWith("edge-agent ")), result.getOutput());
    }

    @Test
    @Launch(value = "frobnicate", exitCode = 2)
    void unknownCommandExitsWithUsage(LaunchResult result) {
        assertTrue(result.getErrorOutput().contains("usage: edge-agent"), result.getErrorOutput());
        assertEquals(2, result.exitCode());
    }
}
