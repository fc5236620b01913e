-- The reason for a placement in the common language (PlacementReason); the free-text reason says the rest.
-- Placements proposed from a panel decision carry none until the Hub gives one.
ALTER TABLE placement ADD COLUMN reason_code TEXT;
