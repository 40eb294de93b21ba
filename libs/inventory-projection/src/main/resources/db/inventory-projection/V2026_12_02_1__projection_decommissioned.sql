-- A decommissioned device stays projected (its history still names it) but is no longer a
-- target of group or selector scopes.
ALTER TABLE device_projection ADD COLUMN decommissioned_at TIMESTAMPTZ;
