package io.edgefleet.events.inventory;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The static resources a machine allocates to one cluster node (the Linux VM or the Windows node). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NodeAllocation(Integer vcpus, Long memoryMb, Long storageGb) {
}
