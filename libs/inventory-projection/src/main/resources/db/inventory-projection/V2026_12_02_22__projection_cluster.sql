-- The cluster each device's machine belongs to and its role there (control-plane or worker),
-- from the device's state: a command addressed to a cluster goes to one of its machines,
-- a control-plane machine first.
ALTER TABLE device_projection ADD COLUMN cluster_id UUID;
ALTER TABLE device_projection ADD COLUMN cluster_role TEXT;
CREATE INDEX device_projection_cluster ON device_projection (org_id, cluster_id) WHERE cluster_id IS NOT NULL;
