-- Issue 5 (part): what the DfE census returns and the disproportionality report need.
-- Pupil: free school meals eligibility periods, ULN (14+), and the day the pupil left the school's roll.
ALTER TABLE pupil
    ADD COLUMN fsm_periods      JSONB NOT NULL DEFAULT '[]',
    ADD COLUMN uln              CHAR(10),
    ADD COLUMN left_school_on   DATE;

-- The registry's identity of a provider, for the AP setting of placements with it.
ALTER TABLE provider_view
    ADD COLUMN urn           CHAR(6),
    ADD COLUMN ukprn         CHAR(8),
    ADD COLUMN setting_type  TEXT;

-- The AP setting a placement is at (exactly one of URN, UKPRN or setting type, as the census wants),
-- taken from the registry when the placement is made.
ALTER TABLE placement
    ADD COLUMN ap_urn           CHAR(6),
    ADD COLUMN ap_ukprn         CHAR(8),
    ADD COLUMN ap_setting_type  TEXT;
