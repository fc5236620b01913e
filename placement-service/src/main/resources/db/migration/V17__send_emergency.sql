-- The SEND team commissions only in an emergency (Improvement Plan recommendations 3 and 11): why, kept with the
-- placement and shown to the Hub.
ALTER TABLE placement ADD COLUMN emergency_reason TEXT;
-- When a Hub officer reviewed it; until then it is on the Hub's attention list.
ALTER TABLE placement ADD COLUMN emergency_reviewed_at TIMESTAMPTZ;
