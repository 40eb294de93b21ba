package io.edgefleet.events.inventory;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.edgefleet.core.limits.Limits;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A machine's static network configuration. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NetworkConfig(@Size(max = Limits.SHORT_TEXT) String staticIp, @Size(max = Limits.SHORT_TEXT) String gateway,
                            @Size(max = Limits.LIST_ITEMS) List<@Size(max = Limits.SHORT_TEXT) String> dns, Integer vlanId,
                            @Size(max = Limits.SHORT_TEXT) String serviceIpRange) {
}
