-- A provider's own proposed changes to its offer, approved or rejected by the registry (docs/domain-rules.md,
-- "Provider self-service"). The whole proposed offer is kept, with the provider's version it was based on.
CREATE TABLE provider_change_request (
    id             UUID PRIMARY KEY,
    provider_id    UUID        NOT NULL REFERENCES provider (id),
    details        JSONB       NOT NULL,
    note           TEXT,
    base_version   BIGINT      NOT NULL,
    status         TEXT        NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN')),
    requested_by   TEXT        NOT NULL,
    requested_at   TIMESTAMPTZ NOT NULL,
    decided_by     TEXT,
    decided_at     TIMESTAMPTZ,
    decision_note  TEXT,
    version        BIGINT      NOT NULL DEFAULT 0,
    CHECK ((status = 'PENDING') = (decided_at IS NULL))
);
-- One request waits at a time per provider.
CREATE UNIQUE INDEX provider_change_request_pending ON provider_change_request (provider_id) WHERE status = 'PENDING';
CREATE INDEX provider_change_request_waiting ON provider_change_request (requested_at) WHERE status = 'PENDING';
