package io.edgefleet.agent;

import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.io.PrintStream;

/**
 * Entry point of the on-device agent. The platform ships it as an application that knows its
 * commands; enrollment, the session and the simulator arrive with the edge-agent issue.
 */
@QuarkusMain
public class EdgeAgentMain implements QuarkusApplication {

    static final String USAGE = "usage: edge-agent <command>\n"
            + "  version    print the agent version\n"
            + "(run and simulate are not implemented yet)";

    @Override
    public int run(String... args) {
        return execute(args, System.out, System.err);
    }

    static int execute(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 1 && args[0].equals("version")) {
            out.println("edge-agent " + version());
            return 0;
        }
        err.println(USAGE);
        return 2;
    }

    private static String version() {
        String version = EdgeAgentMain.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
