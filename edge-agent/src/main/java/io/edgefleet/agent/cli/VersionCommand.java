package io.edgefleet.agent.cli;

import picocli.CommandLine;

@CommandLine.Command(name = "version", mixinStandardHelpOptions = true, description = "Print the agent version.")
public class VersionCommand implements Runnable {

    static final String VERSION = "0.1.0";

    @Override
    public void run() {
        System.out.println("edge-agent " + VERSION);
    }
}
