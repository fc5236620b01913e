-- Issue 6: what finance keeps of each provider from the registry's events (name, specialisms, the rates it
-- offers), the rates finance agrees with providers (these come first), and the unit of a commitment's rate.
CREATE TABLE finance_provider (
    provider_id  UUID PRIMARY KEY,
    name         TEXT        NOT NULL,
    specialisms  JSONB       NOT NULL DEFAULT '[]',
    rates        JSONB       NOT NULL DEFAULT '[]',
    as_of        TIMESTAMPTZ NOT NULL
);

CREATE TABLE agreed_rate (
    id           UUID PRIMARY KEY,
    provider_id  UUID           NOT NULL,
    unit         TEXT           NOT NULL CHECK (unit IN ('HOUR', 'SESSION', 'DAY', 'WEEK')),
    amount       NUMERIC(10, 2) NOT NULL CHECK (amount >= 0),
    valid_from   DATE           NOT NULL,
    valid_to     DATE,
    reason       TEXT           NOT NULL,
    entered_by   TEXT           NOT NULL,
    entered_at   TIMESTAMPTZ    NOT NULL
);
CREATE INDEX agreed_rate_provider ON agreed_rate (provider_id, valid_from);

ALTER TABLE commitment
    ADD COLUMN rate_unit    TEXT NOT NULL DEFAULT 'HOUR',
    ADD COLUMN rate_source  TEXT;
UPDATE commitment SET rate_source = 'PLACEMENT' WHERE hourly_rate IS NOT NULL;
