package io.edgefleet.agent.cluster;

import io.edgefleet.events.inventory.NetworkConfig;
import io.edgefleet.events.inventory.NodeAllocation;
import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The machine's static allocations as its nodes show them (the product gives each node a fixed
 * vCPU count, memory and storage), with the network and time zone from the agent's settings:
 * the {@code machine} part of the inventory report (agent protocol 1.1).
 */
public record MachineFacts(NodeAllocation linuxNode, NodeAllocation windowsNode, NetworkConfig network, String timeZone) {

    private static final BigDecimal MIB = BigDecimal.valueOf(1024L * 1024);
    private static final BigDecimal GIB = MIB.multiply(BigDecimal.valueOf(1024));

    public static MachineFacts of(List<ClusterInventory.Node> machineNodes, NetworkConfig network, String timeZone) {
        return new MachineFacts(allocation(machineNodes, "linux"), allocation(machineNodes, "windows"), network, timeZone);
    }

    private static NodeAllocation allocation(List<ClusterInventory.Node> nodes, String os) {
        return nodes.stream().filter(n -> os.equals(n.os())).findFirst().map(n -> allocation(n.capacity())).orElse(null);
    }

    private static NodeAllocation allocation(Map<String, String> capacity) {
        BigDecimal cpus = amount(capacity.get("cpu"), BigDecimal.ONE);
        BigDecimal memory = amount(capacity.get("memory"), MIB);
        BigDecimal storage = amount(capacity.get("ephemeral-storage"), GIB);
        return new NodeAllocation(cpus == null ? null : cpus.intValue(), memory == null ? null : memory.longValue(),
                storage == null ? null : storage.longValue());
    }

    private static BigDecimal amount(String quantity, BigDecimal unit) {
        if (quantity == null || quantity.isBlank()) {
            return null;
        }
        try {
            return Quantity.getAmountInBytes(new Quantity(quantity)).divide(unit, 0, java.math.RoundingMode.HALF_UP);
        } catch (IllegalArgumentException | ArithmeticException unreadable) {
            return null;
        }
    }
}
