-- What a device's agent reports about its machine beyond the cluster (agent protocol 1.1): labels
-- of its own, kept apart from operators' labels, and the machine's IANA time zone.
ALTER TABLE device ADD COLUMN reported_labels JSONB NOT NULL DEFAULT '{}'::jsonb;
ALTER TABLE device ADD COLUMN time_zone TEXT;
