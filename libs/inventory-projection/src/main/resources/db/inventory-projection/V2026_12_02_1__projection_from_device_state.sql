-- Devices are now projected from the compacted fleet.inventory.devices (each device's whole
-- state): the stored resourceVersion keeps an older state (a replayed dead letter) from
-- overwriting a newer one. A decommissioned device stays projected (its history still names
-- it) but is no longer a target of any scope.
ALTER TABLE device_projection ADD COLUMN resource_version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE device_projection ADD COLUMN decommissioned_at TIMESTAMPTZ;
