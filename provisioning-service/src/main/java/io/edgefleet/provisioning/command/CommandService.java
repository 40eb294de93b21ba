package io.edgefleet.provisioning.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgefleet.admission.Admission;
import io.edgefleet.admission.AdmissionErrorCode;
import io.edgefleet.policy.engine.AdmissionRequest;
import io.edgefleet.core.error.FieldError;
import io.edgefleet.core.error.FleetException;
import io.edgefleet.core.limits.Limits;
import io.edgefleet.core.paging.Keyset;
import io.edgefleet.events.commands.CommandStatus;
import io.edgefleet.events.commands.CommandType;
import io.edgefleet.provisioning.domain.Command;
import io.edgefleet.provisioning.domain.DeviceIdentity;
import io.edgefleet.provisioning.repository.CommandRepository;
import io.edgefleet.provisioning.repository.DeviceIdentityRepository;
import io.edgefleet.provisioning.service.ProvisioningErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Accepts, reads and cancels commands for operators and other systems. */
@ApplicationScoped
public class CommandService {

    static final Duration DEFAULT_TTL = Duration.ofHours(24);
    static final Duration MAX_TTL = Duration.ofDays(30);

    private final CommandRepository commands;
    private final DeviceIdentityRepository devices;
    private final CommandPayloads payloads;
    private final CommandSecrets secrets;
    private final CommandTransitions transitions;
    private final CommandNotifications notifications;
    private final Admission admission;
    private final RequestLookups lookups;
    private final Clock clock;

    public CommandService(CommandRepository commands, DeviceIdentityRepository devices, CommandPayloads payloads,
                          CommandSecrets secrets, CommandTransitions transitions, CommandNotifications notifications,
                          Admission admission, RequestLookups lookups, Clock clock) {
        this.admission = admission;
        this.lookups = lookups;
        this.secrets = secrets;
        this.commands = commands;
        this.devices = devices;
        this.payloads = payloads;
        this.transitions = transitions;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** A request for a command, from REST or from {@code fleet.commands.requests}. */
    public record CommandRequest(UUID deviceId, String type, JsonNode payload, Duration ttl, String idempotencyKey,
                                 String requestedBy, UUID clusterId) {

        /** A request for one machine. */
        public CommandRequest(UUID deviceId, String type, JsonNode payload, Duration ttl, String idempotencyKey,
                              String requestedBy) {
            this(deviceId, type, payload, ttl, idempotencyKey, requestedBy, null);
        }
    }

    /**
     * What a request a deny policy forbids becomes: refused (REST: a 403 naming the policy, and
     * nothing stored) or recorded as a rejected command with the refusal's code and reason
     * (a Kafka request: well formed, so answered on the status topic rather than dead-lettered).
     */
    public enum OnDenial { REFUSE, RECORD }

    /** The accepted command, and whether this request created it (false: an idempotent repeat). */
    public record Accepted(Command command, boolean created) {
    }

    /** A request from REST: a denied one is refused. */
    @Transactional
    public Accepted request(String orgId, CommandRequest request) {
        return request(orgId, request, OnDenial.REFUSE);
    }

    @Transactional
    public Accepted request(String orgId, CommandRequest request, OnDenial onDenial) {
        requireValidKey(request.idempotencyKey());
        CommandType type = payloads.type(request.type());
        payloads.validate(type, request.payload());
        Duration ttl = ttl(request.ttl());
        DeviceIdentity device = device(orgId, request.deviceId()).orElseThrow(() -> new FleetException(
                ProvisioningErrorCode.DEVICE_NOT_FOUND, "no enrolled device " + request.deviceId()));
        if (!device.isActive() || device.decommissionedAt != null) {
            throw new FleetException(ProvisioningErrorCode.DEVICE_NOT_COMMANDABLE, "device " + device.deviceId + " is "
                    + (device.isActive() ? "decommissioned" : "revoked"));
        }
        if (request.idempotencyKey() != null) {
            Optional<Command> earlier = earlier(orgId, device.deviceId, request);
            if (earlier.isPresent()) {
                return new Accepted(sameRequest(earlier.get(), type, request.payload()), false);
            }
            lookups.used(device.deviceId, request.idempotencyKey());
        }
        Command command = newCommand(orgId, device.deviceId, type, request, ttl);
        Optional<Admission.Denial> denial = admission.check(orgId, device.deviceId, () -> admitted(type, request.payload()));
        if (denial.isPresent()) {
            if (onDenial == OnDenial.REFUSE) {
                throw denial.get().refusal();
            }
            return new Accepted(rejected(command, denial.get()), true);
        }
        commands.persist(command);
        transitions.queued(command);
        notifications.commandsWaiting(device.deviceId);
        return new Accepted(command, true);
    }

    /**
     * Many requests in one transaction (the bulk endpoint): all accepted, each idempotent on its
     * own key, or none — a refused item names its index and nothing is stored.
     */
    @Transactional
    public List<Accepted> requestAll(String orgId, List<CommandRequest> requests) {
        readAhead(orgId, requests.stream().map(CommandRequest::deviceId).filter(Objects::nonNull).toList(),
                requests.stream().map(CommandRequest::idempotencyKey).filter(Objects::nonNull).toList());
        List<Accepted> accepted = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            try {
                accepted.add(request(orgId, requests.get(i), OnDenial.REFUSE));
            } catch (FleetException e) {
                String item = "items[" + i + "]";
                throw new FleetException(e.errorCode(), item + ": " + e.getMessage(), e.fieldErrors().stream()
                        .map(f -> new FieldError(item + "." + f.field(), f.message())).toList());
            }
        }
        return accepted;
    }

    /**
     * Reads, for a batch of requests about to be made in this transaction, their devices and which
     * of their idempotency keys are in use, in two queries ({@link RequestLookups}), so each request
     * of the batch does not query both on its own. Only reads; every request is still checked.
     */
    public void readAhead(String orgId, Collection<UUID> deviceIds, Collection<String> idempotencyKeys) {
        Set<UUID> ids = Set.copyOf(deviceIds);
        Set<String> keys = Set.copyOf(idempotencyKeys);
        if (ids.isEmpty()) {
            return;
        }
        lookups.read(ids, devices.list("orgId = ?1 and deviceId in ?2", orgId, ids), keys, keys.isEmpty() ? List.of()
                : commands.idempotencyKeysInUse(orgId, ids, keys));
    }

    /** One check for the header, the body field and Kafka requests alike. */
    private static void requireValidKey(String key) {
        if (key != null && (key.isEmpty() || key.length() > Limits.IDEMPOTENCY_KEY || key.chars().anyMatch(Character::isISOControl))) {
            throw FleetException.unprocessable("idempotencyKey", "1 to " + Limits.IDEMPOTENCY_KEY
                    + " characters, no control characters");
        }
    }

    private Optional<DeviceIdentity> device(String orgId, UUID deviceId) {
        return lookups.readAhead(deviceId) ? lookups.device(deviceId).filter(d -> orgId.equals(d.orgId))
                : devices.findInOrg(orgId, deviceId);
    }

    private Optional<Command> earlier(String orgId, UUID deviceId, CommandRequest request) {
        if (request.clusterId() != null) {
            return commands.findByClusterIdempotencyKey(orgId, request.clusterId(), request.idempotencyKey());
        }
        return lookups.keyIsNew(deviceId, request.idempotencyKey()) ? Optional.empty()
                : commands.findByIdempotencyKey(deviceId, request.idempotencyKey());
    }

    public Command get(String orgId, UUID id) {
        return commands.findInOrg(orgId, id).orElseThrow(() -> new FleetException(
                ProvisioningErrorCode.COMMAND_NOT_FOUND, "no command " + id));
    }

    /** Cancels a command the agent has not acknowledged yet; the agent is told if it has it. */
    @Transactional
    public Command cancel(String orgId, UUID id) {
        Command command = get(orgId, id);
        if (command.status == CommandStatus.CANCELLED) {
            return command;
        }
        boolean wasDelivered = command.status == CommandStatus.DELIVERED;
        if (!transitions.move(command, CommandStatus.CANCELLED)) {
            throw new FleetException(ProvisioningErrorCode.COMMAND_NOT_CANCELLABLE,
                    "command is " + command.status.wireName() + "; only queued or delivered commands can be cancelled");
        }
        if (wasDelivered) {
            notifications.commandCancelled(command.deviceId, command.id);
        }
        return command;
    }

    private Command newCommand(String orgId, UUID deviceId, CommandType type, CommandRequest request, Duration ttl) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Command command = new Command();
        command.id = UUID.randomUUID();
        command.orgId = orgId;
        command.deviceId = deviceId;
        command.clusterId = request.clusterId();
        command.type = type;
        command.payload = secrets.seal(type, request.payload());
        command.status = CommandStatus.QUEUED;
        command.idempotencyKey = request.idempotencyKey();
        command.requestedBy = request.requestedBy();
        command.createdAt = now;
        command.expiresAt = now.plus(ttl);
        return command;
    }

    private Command rejected(Command command, Admission.Denial denial) {
        command.status = CommandStatus.REJECTED;
        command.rejectionCode = AdmissionErrorCode.POLICY_DENIED.code();
        command.failureReason = denial.detail();
        command.finishedAt = command.createdAt;
        commands.persist(command);
        transitions.rejected(command);
        return command;
    }

    /** The change a deny rule judges: the command and its payload, without the secrets it carries. */
    private AdmissionRequest admitted(CommandType type, JsonNode payload) {
        try {
            return AdmissionRequest.command(type.wireName(), secrets.withoutSecrets(type, payload));
        } catch (IllegalArgumentException e) {
            throw FleetException.unprocessable("payload.manifests", e.getMessage());
        }
    }

    private Command sameRequest(Command earlier, CommandType type, JsonNode payload) {
        if (earlier.type != type || !Objects.equals(secrets.open(earlier.payload), payload)) {
            throw new FleetException(ProvisioningErrorCode.IDEMPOTENCY_KEY_REUSED,
                    "idempotency key already names command " + earlier.id + " with another type or payload");
        }
        return earlier;
    }

    private static Duration ttl(Duration requested) {
        Duration ttl = requested == null ? DEFAULT_TTL : requested;
        if (ttl.compareTo(Duration.ofSeconds(1)) < 0 || ttl.compareTo(MAX_TTL) > 0) {
            throw new FleetException(ProvisioningErrorCode.INVALID_COMMAND_TTL, "ttl must be between 1 s and 30 days");
        }
        return ttl;
    }

    /** A page of a device's commands. */
    public List<Command> page(String orgId, UUID deviceId, Optional<CommandStatus> status, Keyset<Command> page) {
        return commands.page(orgId, deviceId, status, page);
    }
}
