-- A placement whose commitment has waited for finance approval past its target (finance's funding clock): on the
-- Hub's attention list until finance approves it.
ALTER TABLE placement ADD COLUMN funding_due_by TIMESTAMPTZ;
ALTER TABLE placement ADD COLUMN funding_overdue_commitment UUID;
