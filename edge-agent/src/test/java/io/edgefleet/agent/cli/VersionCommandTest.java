package io.edgefleet.agent.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainTest;
import org.junit.jupiter.api.Test;

@QuarkusMainTest
class VersionCommandTest {

    @Test
    @Launch("version")
    void printsItsVersion(LaunchResult result) {
        assertTrue(result.getOutputStream().stream().anyMatch(l -> l.equals("edge-agent " + VersionCommand.VERSION)),
                result.getOutput());
    }

    @Test
    @Launch(value = {"simulate", "--server", "http://127.0.0.1:1"}, exitCode = 2)
    void simulateWithoutATokenSaysWhatIsMissing(LaunchResult result) {
        assertTrue(result.getErrorOutput().contains("--enrollment-token or --operator-token"), result.getErrorOutput());
    }
}
