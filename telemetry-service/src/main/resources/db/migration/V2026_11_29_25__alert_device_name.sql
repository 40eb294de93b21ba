-- The device's inventory name when the alert was raised, for the humans and systems it pages.
ALTER TABLE alert ADD COLUMN device_name TEXT;
