-- A provider's suspension or lapsed compliance flags its running placements for review at once.
ALTER TABLE placement
    ADD COLUMN review_needed  BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN review_reason  TEXT;
CREATE INDEX placement_review_needed ON placement (provider_id) WHERE review_needed;
