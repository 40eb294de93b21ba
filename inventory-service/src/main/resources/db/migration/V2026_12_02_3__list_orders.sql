-- Keyset pages of the sorted lists (sort=name, -createdAt): each order is an index
-- range scan within the organization, ties broken by id.
CREATE INDEX device_org_name ON device (org_id, name, id);
CREATE INDEX device_org_created ON device (org_id, created_at, id);
CREATE INDEX cluster_org_name ON cluster (org_id, name, id);
