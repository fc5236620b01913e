-- Families: the pupil's parents and carers, their agreement to a part-time placement's plan, the pupil's own voice
-- at each review.
ALTER TABLE pupil ADD COLUMN carers JSONB NOT NULL DEFAULT '[]';
ALTER TABLE placement ADD COLUMN family_agreement JSONB;
ALTER TABLE placement_review ADD COLUMN pupil_voice TEXT;
