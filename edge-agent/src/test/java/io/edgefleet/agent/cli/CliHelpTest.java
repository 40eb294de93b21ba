package io.edgefleet.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every subcommand answers --help with its usage and exit code 0. */
class CliHelpTest {

    @ParameterizedTest
    @ValueSource(strings = {"install", "uninstall", "run", "status", "simulate", "version"})
    void everySubcommandHasHelp(String subcommand) {
        InstallTest.Result help = InstallTest.edgeAgent(subcommand, "--help");
        assertEquals(0, help.exit(), help.err());
        assertTrue(help.out().startsWith("Usage: edge-agent " + subcommand), help.out());
        assertTrue(help.out().contains("-h, --help"), help.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--bundle", "--kubeconfig", "--label", "--time-zone", "--static-ip", "--config"})
    void runDocumentsItsSettings(String option) {
        assertTrue(InstallTest.edgeAgent("run", "--help").out().contains(option));
    }
}
