package io.edgefleet.messaging.inbox;

import io.edgefleet.messaging.cloudevents.CloudEvent;

/**
 * Applies one inbound event to local state, inside the inbox's transaction. Throw
 * {@link io.edgefleet.messaging.cloudevents.PoisonEventException} for events that can never be
 * applied; ignore event types you do not know (tolerant reader).
 */
@FunctionalInterface
public interface EventHandler {

    void handle(CloudEvent event);
}
