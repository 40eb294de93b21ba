package io.edgefleet.inventory.service;

import io.edgefleet.core.error.FleetException;
import io.edgefleet.core.labels.Labels;
import io.edgefleet.core.net.IpAddresses;
import io.edgefleet.events.inventory.NetworkConfig;
import io.edgefleet.events.inventory.NodeAllocation;
import io.edgefleet.events.provisioning.DeviceFacts;
import java.util.List;

/**
 * The edge constraints a machine must meet (AKS Edge Essentials model): one Linux node of at
 * least 4 GB, an optional Windows node, at most 16 vCPUs allocated in all, static networking.
 * A violation is a 422 naming the field and the rule.
 */
public final class DeviceRules {

    public static final int MAX_VCPUS = 16;
    public static final long MIN_LINUX_MEMORY_MB = 4096;

    private DeviceRules() {
    }

    public static void check(java.util.Map<String, String> labels, DeviceFacts.Hardware hardware, NodeAllocation linux,
                             NodeAllocation windows, NetworkConfig network) {
        Labels.validate("labels", labels);
        checkAllocation("linuxNode", linux, MIN_LINUX_MEMORY_MB);
        checkAllocation("windowsNode", windows, 1);
        int vcpus = vcpus(linux) + vcpus(windows);
        if (vcpus > MAX_VCPUS) {
            throw FleetException.unprocessable("linuxNode.vcpus", "a machine allocates at most " + MAX_VCPUS
                    + " vCPUs to its nodes in all (asked " + vcpus + ")");
        }
        if (hardware != null && hardware.cpuCores() != null && vcpus > hardware.cpuCores()) {
            throw FleetException.unprocessable("linuxNode.vcpus", "nodes cannot allocate more vCPUs than the "
                    + hardware.cpuCores() + " cores of the machine");
        }
        if (hardware != null && hardware.memoryMb() != null && memory(linux) + memory(windows) > hardware.memoryMb()) {
            throw FleetException.unprocessable("linuxNode.memoryMb", "nodes cannot allocate more memory than the machine has");
        }
        checkNetwork(network);
    }

    private static void checkAllocation(String field, NodeAllocation node, long minMemoryMb) {
        if (node == null) {
            return;
        }
        if (node.vcpus() == null || node.vcpus() < 1) {
            throw FleetException.unprocessable(field + ".vcpus", "must be at least 1");
        }
        if (node.memoryMb() == null || node.memoryMb() < minMemoryMb) {
            throw FleetException.unprocessable(field + ".memoryMb", "must be at least " + minMemoryMb + " MB");
        }
        if (node.storageGb() != null && node.storageGb() < 1) {
            throw FleetException.unprocessable(field + ".storageGb", "must be at least 1 GB");
        }
    }

    static void checkNetwork(NetworkConfig network) {
        if (network == null) {
            return;
        }
        requireIp("network.staticIp", network.staticIp());
        requireIp("network.gateway", network.gateway());
        List<String> dns = network.dns() == null ? List.of() : network.dns();
        for (int i = 0; i < dns.size(); i++) {
            requireIp("network.dns[" + i + "]", dns.get(i));
        }
        if (network.vlanId() != null && (network.vlanId() < 1 || network.vlanId() > 4094)) {
            throw FleetException.unprocessable("network.vlanId", "must be 1 to 4094");
        }
        String range = network.serviceIpRange();
        if (range != null && !IpAddresses.isCidrOrRange(range)) {
            throw FleetException.unprocessable("network.serviceIpRange", "must be a CIDR (10.0.0.0/24) or a range (a.b.c.d-e.f.g.h)");
        }
    }

    private static void requireIp(String field, String value) {
        if (value != null && !IpAddresses.isIp(value)) {
            throw FleetException.unprocessable(field, "'" + value + "' is not an IP address");
        }
    }


    private static int vcpus(NodeAllocation node) {
        return node == null || node.vcpus() == null ? 0 : node.vcpus();
    }

    private static long memory(NodeAllocation node) {
        return node == null || node.memoryMb() == null ? 0 : node.memoryMb();
    }
}
