-- A device's commands, newest first (the default order of its list), ties broken by id.
CREATE INDEX command_device_created ON command (device_id, created_at, id);
