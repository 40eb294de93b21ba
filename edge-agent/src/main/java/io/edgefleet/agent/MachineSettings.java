package io.edgefleet.agent;

import io.edgefleet.core.net.IpAddresses;
import io.edgefleet.events.inventory.NetworkConfig;
import java.time.ZoneId;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the agent reports about its machine that the cluster cannot show: the labels the device
 * reports about itself (kept apart from operators' labels in inventory), its time zone (an IANA
 * name, for maintenance windows) and its static network configuration.
 */
public record MachineSettings(Map<String, String> labels, String timeZone, NetworkConfig network) {

    /** Refuses at start what inventory would refuse in every report (a zone that is none, an address with a prefix). */
    public MachineSettings {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        if (timeZone != null) {
            ZoneId.of(timeZone);
        }
        if (network != null) {
            Stream.concat(Stream.of(network.staticIp(), network.gateway()),
                            network.dns() == null ? Stream.empty() : network.dns().stream())
                    .filter(address -> address != null && !IpAddresses.isIp(address)).findFirst()
                    .ifPresent(address -> {
                        throw new IllegalArgumentException("'" + address + "' is not an IP address (no prefix length)");
                    });
        }
    }

    public static MachineSettings none() {
        return new MachineSettings(Map.of(), null, null);
    }
}
