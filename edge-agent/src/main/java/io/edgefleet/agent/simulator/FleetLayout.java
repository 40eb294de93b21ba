package io.edgefleet.agent.simulator;

import io.edgefleet.agent.MachineSettings;
import io.edgefleet.agent.cluster.SimulatedCluster;
import io.edgefleet.agent.cluster.SimulatedMachine;
import io.edgefleet.events.inventory.NetworkConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Which machines a simulated fleet has: clusters in the product's shapes taken in turn (k3s on
 * one machine, k8s on one machine, k8s with a Windows node, k8s on several machines), each at
 * one site with its time zone, and which machines carry each injected fault.
 */
public record FleetLayout(List<Machine> machines) {

    /** A site: its label value and IANA time zone. */
    public record Site(String name, String timeZone) {
    }

    /** One simulated machine and what it was chosen for. */
    public record Machine(SimulatedMachine access, MachineSettings settings, boolean failsUpgrades, boolean slow,
                          boolean staysOffline) {
    }

    static final List<Site> SITES = List.of(new Site("berlin", "Europe/Berlin"), new Site("munich", "Europe/Berlin"),
            new Site("seattle", "America/Los_Angeles"), new Site("tokyo", "Asia/Tokyo"), new Site("sydney", "Australia/Sydney"));

    static FleetLayout of(FleetSimulator.Options options, Random random) {
        int devices = options.devices();
        int perCluster = Math.max(2, Math.min(SimulatedCluster.MAX_MACHINES, options.machinesPerCluster()));
        List<Integer> order = new ArrayList<>(IntStream.range(0, devices).boxed().toList());
        Collections.shuffle(order, random);
        int failing = share(options.faults().failedUpgrades(), devices);
        int slow = share(options.faults().slow(), devices);
        int offline = share(options.faults().offline(), devices);
        List<Machine> machines = new ArrayList<>();
        SimulatedCluster.Shape[] shapes = SimulatedCluster.Shape.values();
        int clusterIndex = 0;
        while (machines.size() < devices) {
            SimulatedCluster.Shape shape = shapes[clusterIndex % shapes.length];
            Site site = SITES.get(clusterIndex % SITES.size());
            String name = options.namePrefix() + "-" + UUID.nameUUIDFromBytes((options.seed() + "/" + clusterIndex).getBytes())
                    .toString().substring(0, 8);
            SimulatedCluster cluster = new SimulatedCluster(name, shape);
            int size = shape == SimulatedCluster.Shape.K8S_MULTI_MACHINE ? Math.min(perCluster, devices - machines.size()) : 1;
            for (int m = 0; m < size; m++) {
                int index = machines.size();
                int rank = order.indexOf(index);
                String host = size == 1 ? name : name + "-m" + (m + 1);
                machines.add(new Machine(new SimulatedMachine(cluster, host, m == 0, random),
                        settings(site, index), rank < failing, rank >= failing && rank < failing + slow,
                        rank >= failing + slow && rank < failing + slow + offline));
            }
            clusterIndex++;
        }
        return new FleetLayout(List.copyOf(machines));
    }

    private static MachineSettings settings(Site site, int index) {
        return new MachineSettings(Map.of("site", site.name()), site.timeZone(),
                new NetworkConfig("10.20." + (index / 250) + "." + (index % 250 + 2), "10.20." + (index / 250) + ".1",
                        List.of("10.20.0.53"), null, "10.96.0.0/12"));
    }

    private static int share(double share, int devices) {
        return (int) Math.round(Math.max(0, Math.min(1, share)) * devices);
    }
}
