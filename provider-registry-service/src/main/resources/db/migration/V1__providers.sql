CREATE TABLE provider (
    id                   UUID PRIMARY KEY,
    name                 TEXT        NOT NULL,
    ukprn                CHAR(8)     UNIQUE,
    urn                  CHAR(6)     UNIQUE,
    setting_type         TEXT,
    registration_status  TEXT        NOT NULL,
    lead_authority       TEXT        NOT NULL,
    framework_status     TEXT        NOT NULL,
    status_reason        TEXT,
    created_at           TIMESTAMPTZ NOT NULL,
    updated_at           TIMESTAMPTZ NOT NULL,
    version              BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT provider_identified CHECK (ukprn IS NOT NULL OR urn IS NOT NULL OR setting_type IS NOT NULL)
);

-- A check is never overwritten: a new one is a new row, so the history stays.
CREATE TABLE provider_check (
    id                  UUID PRIMARY KEY,
    provider_id         UUID        NOT NULL REFERENCES provider (id),
    kind                TEXT        NOT NULL,
    outcome             TEXT        NOT NULL,
    checked_on          DATE        NOT NULL,
    expires_on          DATE,
    authority           TEXT        NOT NULL,
    officer             TEXT        NOT NULL,
    evidence_reference  TEXT,
    notes               TEXT,
    recorded_at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX provider_check_provider ON provider_check (provider_id, kind, checked_on DESC);
