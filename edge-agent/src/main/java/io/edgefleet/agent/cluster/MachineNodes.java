package io.edgefleet.agent.cluster;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which nodes of the cluster are this machine's. Every machine of a multi-machine cluster sees
 * all nodes through the API but reports only its own (its Linux node, optionally its Windows
 * node), so inventory assembles the cluster from its machines. Configured names win; otherwise
 * the product's naming is used: {@code <host>-ledge} and {@code <host>-wedge}, or the host name
 * itself (k3s names its node after the host).
 */
public final class MachineNodes {

    private final Set<String> names;
    private final boolean configured;

    private MachineNodes(Set<String> names, boolean configured) {
        this.names = names;
        this.configured = configured;
    }

    /** The nodes named explicitly (agent configuration {@code nodes}). */
    public static MachineNodes named(List<String> nodeNames) {
        return new MachineNodes(nodeNames.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toSet()), true);
    }

    /** The nodes the product names after the machine's host. */
    public static MachineNodes ofHost(String hostname) {
        String host = hostname.toLowerCase(Locale.ROOT);
        return new MachineNodes(Set.of(host, host + "-ledge", host + "-wedge"), false);
    }

    /**
     * This machine's nodes among {@code all}. When none matches the host's names and none was
     * configured, the cluster is taken to be this machine's alone (a single-machine cluster whose
     * node was named otherwise) and all nodes are its own.
     */
    public List<ClusterInventory.Node> of(List<ClusterInventory.Node> all) {
        List<ClusterInventory.Node> own = all.stream().filter(n -> names.contains(n.name().toLowerCase(Locale.ROOT))).toList();
        return own.isEmpty() && !configured ? all : own;
    }
}
