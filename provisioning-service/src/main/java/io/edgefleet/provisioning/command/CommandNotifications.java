package io.edgefleet.provisioning.command;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.UUID;

/**
 * Tells every replica, through PostgreSQL {@code NOTIFY}, that something happened to a device's
 * commands. Notifications are transactional: they are sent only if the change commits, and the
 * database stays the source of truth (a lost notification is made up by the next sweep or
 * reconnect). {@link NotificationListener} receives them on each replica.
 */
@ApplicationScoped
public class CommandNotifications {

    static final String CHANNEL = "edgefleet_commands";

    private final EntityManager entityManager;

    public CommandNotifications(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The device has queued commands: the replica holding its session should dispatch. */
    public void commandsWaiting(UUID deviceId) {
        notify(Notice.dispatch(deviceId));
    }

    /** A delivered command was cancelled or expired: the agent holding it should drop it. */
    public void commandCancelled(UUID deviceId, UUID commandId) {
        notify(Notice.cancel(deviceId, commandId));
    }

    /** The device was revoked: any session it holds must close. */
    public void deviceRevoked(UUID deviceId) {
        notify(Notice.revoke(deviceId));
    }

    private void notify(Notice notice) {
        entityManager.createNativeQuery("SELECT pg_notify(:channel, :payload)")
                .setParameter("channel", CHANNEL).setParameter("payload", notice.encode()).getSingleResult();
    }

    /** What a notification says: {@code kind:deviceId[:commandId]}. */
    public record Notice(String kind, UUID deviceId, UUID commandId) {

        public static final String DISPATCH = "dispatch";
        public static final String CANCEL = "cancel";
        public static final String REVOKE = "revoke";

        static Notice dispatch(UUID deviceId) {
            return new Notice(DISPATCH, deviceId, null);
        }

        static Notice cancel(UUID deviceId, UUID commandId) {
            return new Notice(CANCEL, deviceId, commandId);
        }

        static Notice revoke(UUID deviceId) {
            return new Notice(REVOKE, deviceId, null);
        }

        String encode() {
            return kind + ":" + deviceId + (commandId == null ? "" : ":" + commandId);
        }

        static Notice decode(String payload) {
            String[] parts = payload.split(":");
            return new Notice(parts[0], UUID.fromString(parts[1]), parts.length > 2 ? UUID.fromString(parts[2]) : null);
        }
    }
}
