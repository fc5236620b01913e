-- The trace of the panel decision that proposed a placement; its confirmation continues it (docs/observability.md).
ALTER TABLE placement ADD COLUMN origin_trace TEXT;
