-- A command request refused before it was queued (a deny policy forbids it) is kept as a
-- rejected command with the refusal's stable code, so its requester finds the answer under its
-- correlation id and a repeat of the request gets the same answer.
ALTER TABLE command ADD COLUMN rejection_code TEXT;
