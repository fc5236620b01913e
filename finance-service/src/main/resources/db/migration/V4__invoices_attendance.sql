-- Issue 6: provider invoices checked against the sessions the placement service's attendance shows delivered.
-- The latest mark for a session wins (registers are corrected).
CREATE TABLE delivered_session (
    placement_id  UUID        NOT NULL,
    session_date  DATE        NOT NULL,
    session       TEXT        NOT NULL CHECK (session IN ('AM', 'PM')),
    code          TEXT        NOT NULL,
    attended      BOOLEAN     NOT NULL,
    recorded_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (placement_id, session_date, session)
);

CREATE TABLE invoice (
    id              UUID PRIMARY KEY,
    provider_id     UUID        NOT NULL,
    invoice_number  TEXT        NOT NULL,
    issued_on       DATE        NOT NULL,
    total           NUMERIC(12, 2) NOT NULL,
    status          TEXT        NOT NULL,
    received_by     TEXT        NOT NULL,
    received_at     TIMESTAMPTZ NOT NULL,
    UNIQUE (provider_id, invoice_number)
);

CREATE TABLE invoice_line (
    id                UUID PRIMARY KEY,
    invoice_id        UUID           NOT NULL REFERENCES invoice (id),
    placement_id      UUID           NOT NULL,
    period_from       DATE           NOT NULL,
    period_to         DATE           NOT NULL,
    sessions_claimed  INT            NOT NULL,
    sessions_attended INT            NOT NULL,
    amount            NUMERIC(12, 2) NOT NULL,
    financial_year    TEXT           NOT NULL,
    discrepancies     JSONB          NOT NULL DEFAULT '[]'
);
CREATE INDEX invoice_line_placement ON invoice_line (placement_id);
CREATE INDEX invoice_status ON invoice (status);
