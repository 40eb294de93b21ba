package io.edgefleet.provisioning.gateway;

import io.edgefleet.events.agent.AgentMessage;
import io.edgefleet.provisioning.command.CommandNotifications.Notice;
import io.edgefleet.provisioning.repository.CommandRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;

/** Acts on command notifications for the devices whose sessions this replica holds. */
@ApplicationScoped
public class NoticeHandler {

    private final CommandDispatcher dispatcher;
    private final AgentSessions sessions;
    private final HttpDelivery httpDelivery;

    public NoticeHandler(CommandDispatcher dispatcher, AgentSessions sessions, HttpDelivery httpDelivery) {
        this.dispatcher = dispatcher;
        this.sessions = sessions;
        this.httpDelivery = httpDelivery;
    }

    void on(@ObservesAsync Notice notice) {
        switch (notice.kind()) {
            case Notice.DISPATCH -> {
                dispatcher.push(notice.deviceId(), CommandRepository.Redelivery.NONE);
                httpDelivery.wake(notice.deviceId());
            }
            case Notice.CANCEL -> sessions.of(notice.deviceId()).ifPresent(
                    connection -> dispatcher.send(connection, AgentMessage.cancel(notice.commandId().toString())));
            case Notice.REVOKE -> sessions.close(notice.deviceId(), AgentSessions.REVOKED, "device revoked");
            default -> { }
        }
    }
}
