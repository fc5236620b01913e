-- Issue 5 (part): attendance marks per session, submitted by providers in batches. The latest mark for a session
-- wins (registers are corrected); a batch id received twice is answered, not applied twice.
CREATE TABLE attendance_mark (
    placement_id  UUID        NOT NULL REFERENCES placement (id),
    session_date  DATE        NOT NULL,
    session       TEXT        NOT NULL CHECK (session IN ('AM', 'PM')),
    code          TEXT        NOT NULL,
    batch_id      UUID        NOT NULL,
    recorded_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (placement_id, session_date, session)
);

CREATE TABLE attendance_batch (
    batch_id     UUID PRIMARY KEY,
    marks        INT         NOT NULL,
    received_by  TEXT        NOT NULL,
    received_at  TIMESTAMPTZ NOT NULL
);
