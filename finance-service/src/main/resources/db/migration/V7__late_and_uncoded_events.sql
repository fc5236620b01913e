-- A placement cancelled before finance saw its confirmation (the confirmation parked and replayed later): the
-- late confirmation then commits nothing (docs/domain-rules.md, "Commitments follow placements in any order").
CREATE TABLE cancelled_placement (
    placement_id  UUID        PRIMARY KEY,
    cancelled_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- A commitment whose placement named a cost code finance does not have is still made, uncoded, and listed for a
-- finance officer to code; the code the placement gave is kept.
ALTER TABLE commitment ADD COLUMN requested_cost_code TEXT;
CREATE INDEX commitment_uncoded ON commitment (created_at) WHERE cost_code IS NULL AND requested_cost_code IS NOT NULL;
