-- A safeguarding concern about a placement, raised by its school, its provider or the Hub, worked by the Hub from
-- raised to acknowledged to closed with an outcome. Never deleted. The school and provider are copied from the
-- placement so a concern is found within a caller's scope without a join.
CREATE TABLE safeguarding_concern (
    id                UUID PRIMARY KEY,
    placement_id      UUID        NOT NULL REFERENCES placement (id),
    school_urn        TEXT        NOT NULL,
    provider_id       UUID        NOT NULL,
    contact_id        UUID REFERENCES placement_contact (id),
    severity          TEXT        NOT NULL,
    summary           TEXT        NOT NULL,
    raised_by         TEXT        NOT NULL,
    raised_by_party   TEXT        NOT NULL,
    raised_at         TIMESTAMPTZ NOT NULL,
    status            TEXT        NOT NULL,
    acknowledged_by   TEXT,
    acknowledged_at   TIMESTAMPTZ,
    assigned_to       TEXT,
    actions           JSONB       NOT NULL DEFAULT '[]',
    outcome           TEXT,
    outcome_note      TEXT,
    closed_by         TEXT,
    closed_at         TIMESTAMPTZ,
    version           BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT safeguarding_concern_acknowledged CHECK (status = 'RAISED' OR acknowledged_at IS NOT NULL),
    CONSTRAINT safeguarding_concern_closed CHECK (status <> 'CLOSED' OR (closed_at IS NOT NULL AND outcome IS NOT NULL))
);
CREATE INDEX safeguarding_concern_open ON safeguarding_concern (status, raised_at) WHERE status <> 'CLOSED';
CREATE INDEX safeguarding_concern_placement ON safeguarding_concern (placement_id);

-- When a placement was flagged for review (its provider lapsed, the panel decision behind it changed): the Hub's
-- attention list shows it from then until a Hub officer records the review.
ALTER TABLE placement ADD COLUMN review_flagged_at TIMESTAMPTZ;
UPDATE placement SET review_flagged_at = now() WHERE review_needed;
