-- A device registered ahead of its installation was never heard from: that is not "offline"
-- (an outage to chase) but its own connectivity state.
ALTER TABLE device DROP CONSTRAINT IF EXISTS device_connectivity_check;
ALTER TABLE device ADD CONSTRAINT device_connectivity_check
    CHECK (connectivity IN ('CONNECTED', 'OFFLINE', 'CREDENTIAL_EXPIRED', 'NEVER_CONNECTED'));
UPDATE device SET connectivity = 'NEVER_CONNECTED' WHERE connectivity = 'OFFLINE' AND last_seen_at IS NULL;
ALTER TABLE device ALTER COLUMN connectivity SET DEFAULT 'NEVER_CONNECTED';
