package io.edgefleet.provisioning.command;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Listens on its own database connection for {@link CommandNotifications} and fires each as a
 * CDI event ({@code CommandNotifications.Notice}) on this replica. Reconnects after failures.
 */
@ApplicationScoped
public class NotificationListener {

    private static final Logger LOG = Logger.getLogger(NotificationListener.class);

    private final String url;
    private final String user;
    private final String password;
    private final Event<CommandNotifications.Notice> notices;
    private final ExecutorService loop = Executors.newSingleThreadExecutor(r -> new Thread(r, "edgefleet-notify-listener"));
    private volatile boolean running;

    public NotificationListener(@ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
                                @ConfigProperty(name = "quarkus.datasource.username") String user,
                                @ConfigProperty(name = "quarkus.datasource.password") String password,
                                Event<CommandNotifications.Notice> notices) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.notices = notices;
    }

    void start(@Observes StartupEvent started) {
        running = true;
        loop.execute(this::run);
    }

    void stop(@Observes ShutdownEvent stopping) throws InterruptedException {
        running = false;
        loop.shutdown();
        loop.awaitTermination(5, TimeUnit.SECONDS);
    }

    private void run() {
        while (running) {
            try (Connection connection = DriverManager.getConnection(url, user, password)) {
                try (Statement st = connection.createStatement()) {
                    st.execute("LISTEN " + CommandNotifications.CHANNEL);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] received = pg.getNotifications(500);
                    for (PGNotification notification : received == null ? new PGNotification[0] : received) {
                        deliver(notification.getParameter());
                    }
                }
            } catch (SQLException e) {
                LOG.warnf("command notification listener lost its connection, reconnecting: %s", e.getMessage());
                pause();
            }
        }
    }

    private void deliver(String payload) {
        try {
            notices.fireAsync(CommandNotifications.Notice.decode(payload));
        } catch (RuntimeException e) {
            LOG.errorf(e, "handling command notification '%s' failed", payload);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
