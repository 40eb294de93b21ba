package io.edgefleet.projection;

import io.edgefleet.messaging.consumer.EventRoutes;

/**
 * What a service embedding the projection does with other inventory events, on the projection's
 * own {@code inventory-events} channel and consumer group (one consumer per topic and service,
 * not a second one beside it): a bean of this type adds its routes, e.g. provisioning stops
 * commanding a decommissioned device.
 */
public interface InventoryEventHandlers {

    void addTo(EventRoutes.Builder routes);
}
