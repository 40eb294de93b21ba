package io.edgefleet.events.inventory;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** A machine's static network configuration. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NetworkConfig(String staticIp, String gateway, List<String> dns, Integer vlanId, String serviceIpRange) {
}
