-- Whether the assignment's deny rule is on fleet.policy.rules (so its end publishes a tombstone).
ALTER TABLE policy_assignment ADD COLUMN deny_published BOOLEAN NOT NULL DEFAULT FALSE;
