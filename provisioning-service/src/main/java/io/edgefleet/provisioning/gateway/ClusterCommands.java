package io.edgefleet.provisioning.gateway;

import io.edgefleet.core.error.FleetException;
import io.edgefleet.events.commands.CommandType;
import io.edgefleet.provisioning.command.CommandNotifications;
import io.edgefleet.provisioning.command.CommandPayloads;
import io.edgefleet.provisioning.command.CommandService;
import io.edgefleet.provisioning.command.CommandTransitions;
import io.edgefleet.provisioning.domain.Command;
import io.edgefleet.provisioning.repository.CommandRepository;
import io.edgefleet.provisioning.service.ProvisioningErrorCode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Commands addressed to a cluster ({@link CommandType.Scope#CLUSTER}): each runs on exactly one
 * machine of the cluster — the best one now ({@link ClusterMachines}) — and, while its agent has
 * not acknowledged it, moves to another connected machine when its machine goes offline. Never
 * to every machine: a cluster-wide apply must not run once per machine.
 */
@ApplicationScoped
public class ClusterCommands {

    private static final Logger LOG = Logger.getLogger(ClusterCommands.class);
    private static final int BATCH = 500;

    private final ClusterMachines machines;
    private final CommandService commands;
    private final CommandPayloads payloads;
    private final CommandRepository repository;
    private final CommandTransitions transitions;
    private final CommandNotifications notifications;

    public ClusterCommands(ClusterMachines machines, CommandService commands, CommandPayloads payloads,
                           CommandRepository repository, CommandTransitions transitions, CommandNotifications notifications) {
        this.machines = machines;
        this.commands = commands;
        this.payloads = payloads;
        this.repository = repository;
        this.transitions = transitions;
        this.notifications = notifications;
    }

    /** The cluster's machines (for the caller's scope check); 404 when the cluster has none this service knows. */
    public List<ClusterMachines.Machine> machinesOf(String orgId, UUID clusterId) {
        List<ClusterMachines.Machine> found = machines.of(orgId, clusterId);
        if (found.isEmpty()) {
            throw new FleetException(ProvisioningErrorCode.CLUSTER_NOT_FOUND, "no cluster " + clusterId
                    + " with an enrolled machine");
        }
        return found;
    }

    /**
     * Requests {@code request} (its deviceId ignored) for the best of {@code machines} now: the
     * cluster's, as {@link #machinesOf} answered them for the caller's scope check.
     */
    @Transactional
    public CommandService.Accepted request(String orgId, UUID clusterId, List<ClusterMachines.Machine> machines,
                                           CommandService.CommandRequest request) {
        CommandType type = payloads.type(request.type());
        if (type.scope() != CommandType.Scope.CLUSTER) {
            throw FleetException.unprocessable("type", request.type() + " acts on one machine: send it to each machine "
                    + "(/api/v1/devices/{id}/commands), not to the cluster");
        }
        ClusterMachines.Machine target = machines.get(0);
        return commands.request(orgId, new CommandService.CommandRequest(target.deviceId(), request.type(), request.payload(),
                request.ttl(), request.idempotencyKey(), request.requestedBy(), clusterId));
    }

    /** Moves waiting cluster commands off machines gone offline, to a connected machine of the same cluster. */
    @Scheduled(every = "${edgefleet.provisioning.cluster-command-sweep:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        int page = 0;
        int seen;
        do {
            int index = page++;
            seen = QuarkusTransaction.requiringNew().call(() -> moveBatch(index));
        } while (seen == BATCH);
    }

    /** One page of waiting cluster commands (moving one keeps it waiting, so pages stay put). */
    int moveBatch(int page) {
        List<Command> waiting = repository.lockClusterCommandsWaiting(page, BATCH);
        java.util.Map<UUID, List<ClusterMachines.Machine>> clusters = new java.util.HashMap<>();
        for (Command command : waiting) {
            List<ClusterMachines.Machine> cluster = clusters.computeIfAbsent(command.clusterId,
                    id -> machines.of(command.orgId, id));
            boolean stranded = cluster.stream().noneMatch(m -> m.deviceId().equals(command.deviceId) && m.online());
            cluster.stream().filter(ClusterMachines.Machine::online).findFirst()
                    .filter(target -> stranded && !target.deviceId().equals(command.deviceId))
                    .ifPresent(target -> move(command, target.deviceId()));
        }
        return waiting.size();
    }

    private void move(Command command, UUID machine) {
        UUID from = command.deviceId;
        boolean delivered = command.status == io.edgefleet.events.commands.CommandStatus.DELIVERED;
        transitions.reassign(command, machine);
        if (delivered) {
            notifications.commandCancelled(from, command.id);
        }
        notifications.commandsWaiting(machine);
        LOG.infof("cluster command %s moved from offline machine %s to %s", command.id, from, machine);
    }
}
