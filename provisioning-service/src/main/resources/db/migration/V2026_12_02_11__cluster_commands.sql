-- A command addressed to a cluster runs on one of its machines: device_id is the machine it is
-- with now (moved to another while the agent has not acknowledged it, when that machine is
-- offline), cluster_id the cluster it was addressed to. Idempotency keys of cluster commands
-- are the cluster's.
ALTER TABLE command ADD COLUMN cluster_id UUID;
CREATE UNIQUE INDEX command_cluster_idempotency ON command (cluster_id, idempotency_key)
    WHERE cluster_id IS NOT NULL AND idempotency_key IS NOT NULL;
CREATE INDEX command_cluster_waiting ON command (created_at) WHERE cluster_id IS NOT NULL AND status IN ('QUEUED', 'DELIVERED');
