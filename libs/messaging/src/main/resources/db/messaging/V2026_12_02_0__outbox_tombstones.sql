-- Tombstones on compacted topics (fleet.inventory.devices) are outbox rows without data.
ALTER TABLE outbox_event ALTER COLUMN data DROP NOT NULL;
ALTER TABLE parked_event ALTER COLUMN data DROP NOT NULL;
