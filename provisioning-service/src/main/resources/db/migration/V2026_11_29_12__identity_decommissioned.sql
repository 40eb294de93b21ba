-- Inventory decommissions devices; provisioning then refuses commands to them.
ALTER TABLE device_identity ADD COLUMN decommissioned_at TIMESTAMPTZ;
