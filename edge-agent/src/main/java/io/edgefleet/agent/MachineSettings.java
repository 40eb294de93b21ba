package io.edgefleet.agent;

import io.edgefleet.events.inventory.NetworkConfig;
import java.time.ZoneId;
import java.util.Map;

/**
 * What the agent reports about its machine that the cluster cannot show: the labels the device
 * reports about itself (kept apart from operators' labels in inventory), its time zone (an IANA
 * name, for maintenance windows) and its static network configuration.
 */
public record MachineSettings(Map<String, String> labels, String timeZone, NetworkConfig network) {

    public MachineSettings {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        if (timeZone != null) {
            ZoneId.of(timeZone); // refuses a name that is not a zone, at start rather than in every report
        }
    }

    public static MachineSettings none() {
        return new MachineSettings(Map.of(), null, null);
    }
}
