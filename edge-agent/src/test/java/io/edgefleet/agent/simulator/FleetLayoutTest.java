package io.edgefleet.agent.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgefleet.agent.cluster.ClusterInventory;
import io.edgefleet.agent.cluster.MachineFacts;
import io.edgefleet.agent.cluster.SimulatedCluster;
import io.edgefleet.agent.cluster.SimulatedMachine;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Simulated fleets take the product's shapes, and faults land on exactly the configured share. */
class FleetLayoutTest {

    private static FleetLayout layout(int devices, FleetSimulator.Faults faults) {
        return FleetLayout.of(FleetSimulator.Options.of(devices, URI.create("http://gw"), "t").withFaults(faults), new Random(7));
    }

    @Test
    void everyShapeOfTheProductAppearsAndEachMachineReportsOnlyItsOwnNodes() {
        FleetLayout fleet = layout(12, FleetSimulator.Faults.NONE);
        Map<SimulatedCluster.Shape, List<FleetLayout.Machine>> byShape = fleet.machines().stream()
                .collect(Collectors.groupingBy(m -> m.access().cluster().shape()));
        assertEquals(EnumSet.allOf(SimulatedCluster.Shape.class), byShape.keySet());

        for (FleetLayout.Machine machine : fleet.machines()) {
            ClusterInventory inventory = machine.access().inventory();
            long linux = inventory.nodes().stream().filter(n -> "linux".equals(n.os())).count();
            long windows = inventory.nodes().stream().filter(n -> "windows".equals(n.os())).count();
            assertEquals(1, linux, "one Linux node per machine: " + inventory.nodes());
            assertEquals(machine.access().cluster().shape() == SimulatedCluster.Shape.K8S_LINUX_AND_WINDOWS ? 1 : 0, windows);
            assertEquals("k3s".equals(inventory.cluster().distribution()) ? "flannel" : "calico", inventory.cluster().cni());
            assertTrue(machine.settings().labels().containsKey("site") && machine.settings().timeZone() != null);
        }
        List<FleetLayout.Machine> multi = byShape.get(SimulatedCluster.Shape.K8S_MULTI_MACHINE);
        assertEquals(3, multi.stream().filter(m -> m.access().cluster() == multi.get(0).access().cluster()).count(),
                "a multi-machine cluster has one device per machine");
        assertEquals(1, multi.stream().filter(m -> m.access().cluster() == multi.get(0).access().cluster())
                .filter(m -> m.access().inventory().nodes().get(0).role().equals("control-plane")).count());
    }

    @Test
    void settingsInventoryWouldRefuseAreRefusedAtStart() {
        assertThrows(IllegalArgumentException.class, () -> new io.edgefleet.agent.MachineSettings(Map.of(), null,
                new io.edgefleet.events.inventory.NetworkConfig("10.0.0.5/24", null, null, null, null)));
        assertThrows(java.time.DateTimeException.class, () -> new io.edgefleet.agent.MachineSettings(Map.of(), "Mars/Olympus",
                null));
    }

    @Test
    void aMachinesAllocationsComeFromItsNodes() {
        SimulatedMachine machine = new SimulatedMachine(new SimulatedCluster("c", SimulatedCluster.Shape.K8S_LINUX_AND_WINDOWS),
                "host-1", true, new Random(1));
        MachineFacts facts = MachineFacts.of(machine.inventory().nodes(), null, "Europe/Berlin");
        assertEquals(4, facts.linuxNode().vcpus());
        assertEquals(8192L, facts.linuxNode().memoryMb());
        assertEquals(100L, facts.linuxNode().storageGb());
        assertEquals(2, facts.windowsNode().vcpus());
    }

    @Test
    void faultsLandOnExactlyTheConfiguredShareOfMachines() {
        FleetLayout fleet = layout(20, new FleetSimulator.Faults(0.3, 0.1, 0.05, Duration.ZERO));
        assertEquals(6, fleet.machines().stream().filter(FleetLayout.Machine::failsUpgrades).count());
        assertEquals(2, fleet.machines().stream().filter(FleetLayout.Machine::slow).count());
        assertEquals(1, fleet.machines().stream().filter(FleetLayout.Machine::staysOffline).count());
        assertEquals(9, fleet.machines().stream().filter(m -> m.failsUpgrades() || m.slow() || m.staysOffline()).count(),
                "no machine carries two faults");
    }

    @Test
    void aSimulatedClusterIsAsStrictAsAnApiServerAboutManifests() {
        SimulatedMachine machine = new SimulatedMachine(new SimulatedCluster("c", SimulatedCluster.Shape.K3S_SINGLE_MACHINE),
                "h", true, new Random(1));
        assertThrows(IllegalArgumentException.class, () -> machine.apply("kind: ConfigMap\nmetadata: [unclosed\n", null));
        assertThrows(IllegalArgumentException.class, () -> machine.apply("kind: ConfigMap\ndata: {a: b}\n", null));
        assertEquals(List.of("ConfigMap/default/a"), machine.apply("kind: ConfigMap\nmetadata:\n  name: a\n", null));
        assertThrows(IllegalArgumentException.class,
                () -> machine.apply("kind: ConfigMap\nmetadata:\n  name: b\n---\nkind: [\n", null));
        assertEquals(1, machine.telemetry(java.time.Instant.EPOCH).stream()
                .filter(s -> s.metric().equals("edgefleet_pods")).mapToDouble(s -> s.value()).sum(), 0.001,
                "a failed apply changes nothing");
    }
}
