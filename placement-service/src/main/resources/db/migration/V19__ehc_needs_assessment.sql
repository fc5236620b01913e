-- An EHC needs assessment requested or under way for the pupil (SEND Code of Practice: a decision whether to assess
-- within 6 weeks of the request, a plan within 20), as the school or the SEND team records it.
ALTER TABLE pupil ADD COLUMN ehc_needs_assessment JSONB;
