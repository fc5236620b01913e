-- A pupil with an EHC needs assessment under way may be funded before the plan: such a commitment follows the SEND
-- protocol like an EHC-plan pupil's (approval, and the shorter approval target).
ALTER TABLE commitment ADD COLUMN ehc_needs_assessment BOOLEAN NOT NULL DEFAULT false;
