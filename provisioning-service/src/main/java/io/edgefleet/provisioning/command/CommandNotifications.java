package io.edgefleet.provisioning.command;

import io.agroal.api.AgroalDataSource;
import io.edgefleet.messaging.tx.BeforeCommit;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * Tells every replica, through PostgreSQL {@code NOTIFY}, that something happened to a device's
 * commands. Notifications are transactional: they are sent only if the change commits, and the
 * database stays the source of truth (a lost notification is made up by the next sweep or
 * reconnect). {@link NotificationListener} receives them on each replica. A transaction's notices
 * are sent together as it commits, each once: a poll of a thousand command requests is one
 * statement, not a thousand.
 */
@ApplicationScoped
public class CommandNotifications {

    static final String CHANNEL = "edgefleet_commands";

    private final BeforeCommit beforeCommit;
    private final AgroalDataSource dataSource;
    private final BeforeCommit.Batch<String> batch = new BeforeCommit.Batch<>("command-notices", 1000, this::send);

    public CommandNotifications(BeforeCommit beforeCommit, AgroalDataSource dataSource) {
        this.beforeCommit = beforeCommit;
        this.dataSource = dataSource;
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
        beforeCommit.add(batch, notice.encode());
    }

    private void send(List<String> notices) {
        // The transaction's own connection; NOTIFY is delivered only if it commits.
        try (Connection connection = dataSource.getConnection();
             PreparedStatement notify = connection.prepareStatement(
                     "SELECT count(pg_notify(?, notice)) FROM unnest(?::text[]) AS notice")) {
            notify.setString(1, CHANNEL);
            notify.setArray(2, connection.createArrayOf("text", notices.stream().distinct().toArray()));
            notify.executeQuery().close();
        } catch (SQLException e) {
            throw new IllegalStateException("notifying " + notices.size() + " command changes failed", e);
        }
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
