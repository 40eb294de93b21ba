package io.edgefleet.agent.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The service that runs the agent at boot: a systemd unit on Linux hosts, a Windows service
 * (defined for WinSW, which runs a Java program as a service) on Windows hosts. Both start
 * {@code edge-agent run --config <config file>} and restart it when it exits.
 */
final class ServiceDefinition {

    private ServiceDefinition() {
    }

    /** How this agent is started: the running jar under the running JVM, else {@code edge-agent} from the PATH. */
    static List<String> launcher() {
        try {
            Path code = Path.of(ServiceDefinition.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path fastJar = code.getParent() == null || code.getParent().getParent() == null ? null
                    : code.getParent().getParent().resolve("quarkus-run.jar");
            if (fastJar != null && Files.isRegularFile(fastJar)) {
                return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m", "-jar",
                        fastJar.toAbsolutePath().toString());
            }
        } catch (URISyntaxException | SecurityException | NullPointerException unknownLocation) {
            // fall through: the packaged launcher
        }
        return List.of("edge-agent");
    }

    /** The command line the service runs. */
    static List<String> command(List<String> launcher, HostLayout layout) {
        List<String> command = new ArrayList<>(launcher);
        command.addAll(List.of("run", "--config", layout.configFile()));
        return command;
    }

    static String render(HostLayout layout, List<String> command) {
        return "linux".equals(layout.os()) ? systemd(layout, command) : winsw(layout, command);
    }

    private static String systemd(HostLayout layout, List<String> command) {
        return """
                # Written by `edge-agent install`; `edge-agent uninstall` removes it.
                [Unit]
                Description=EdgeFleet agent: connects this machine and its cluster to the fleet
                Wants=network-online.target
                After=network-online.target k3s.service

                [Service]
                Type=simple
                ExecStart=%s
                Restart=always
                RestartSec=10
                NoNewPrivileges=true
                ProtectSystem=full
                ReadWritePaths=%s
                PrivateTmp=true

                [Install]
                WantedBy=multi-user.target
                """.formatted(command.stream().map(ServiceDefinition::quoted).collect(Collectors.joining(" ")),
                layout.stateDir());
    }

    private static String winsw(HostLayout layout, List<String> command) {
        String arguments = command.subList(1, command.size()).stream().map(ServiceDefinition::quoted)
                .collect(Collectors.joining(" "));
        String logDir = layout.logs().substring(0, layout.logs().lastIndexOf('\\'));
        return """
                <!-- Written by `edge-agent install`; `edge-agent uninstall` removes it. Registered with WinSW. -->
                <service>
                  <id>%s</id>
                  <name>EdgeFleet agent</name>
                  <description>Connects this machine and its cluster to the fleet.</description>
                  <executable>%s</executable>
                  <arguments>%s</arguments>
                  <logpath>%s</logpath>
                  <log mode="roll-by-size"><sizeThreshold>10240</sizeThreshold><keepFiles>8</keepFiles></log>
                  <onfailure action="restart" delay="10 sec"/>
                  <startmode>Automatic</startmode>
                  <delayedAutoStart>true</delayedAutoStart>
                </service>
                """.formatted(HostLayout.SERVICE, xml(command.get(0)), xml(arguments), xml(logDir));
    }

    private static String quoted(String argument) {
        return argument.chars().anyMatch(c -> c == ' ' || c == '"') ? '"' + argument.replace("\"", "\\\"") + '"' : argument;
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
