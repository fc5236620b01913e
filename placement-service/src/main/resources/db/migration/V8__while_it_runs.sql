-- Issue 5 (part): what keeps a running placement safe and purposeful (DfE "Arranging alternative provision", 2025).
-- A learning plan: outcomes broken into targets, each with its progress.
CREATE TABLE learning_target (
    id             UUID PRIMARY KEY,
    placement_id   UUID        NOT NULL REFERENCES placement (id),
    outcome        TEXT        NOT NULL,
    target         TEXT        NOT NULL,
    progress       TEXT        NOT NULL,
    progress_note  TEXT,
    updated_by     TEXT        NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL,
    version        BIGINT      NOT NULL DEFAULT 0
);
CREATE INDEX learning_target_placement ON learning_target (placement_id);

-- Reviews, at least half-termly: each sets the date the next is due by.
CREATE TABLE placement_review (
    id              UUID PRIMARY KEY,
    placement_id    UUID        NOT NULL REFERENCES placement (id),
    held_on         DATE        NOT NULL,
    attendees       TEXT        NOT NULL,
    summary         TEXT        NOT NULL,
    decision        TEXT        NOT NULL,
    next_review_by  DATE        NOT NULL,
    recorded_by     TEXT        NOT NULL,
    recorded_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX placement_review_latest ON placement_review (placement_id, held_on DESC);

-- Contact between school and provider (at least weekly), and keep-in-touch contacts after the placement ends.
CREATE TABLE placement_contact (
    id                    UUID PRIMARY KEY,
    placement_id          UUID        NOT NULL REFERENCES placement (id),
    contact_on            DATE        NOT NULL,
    party                 TEXT        NOT NULL,
    method                TEXT        NOT NULL,
    summary               TEXT        NOT NULL,
    safeguarding_concern  BOOLEAN     NOT NULL,
    recorded_by           TEXT        NOT NULL,
    recorded_at           TIMESTAMPTZ NOT NULL
);
CREATE INDEX placement_contact_latest ON placement_contact (placement_id, contact_on DESC);

-- Each concern raised about a placement, once per occurrence (a due date, a session, a week): the Hub's alerts.
CREATE TABLE placement_alert (
    placement_id  UUID        NOT NULL REFERENCES placement (id),
    kind          TEXT        NOT NULL,
    occurrence    TEXT        NOT NULL,
    detail        TEXT        NOT NULL,
    raised_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (placement_id, kind, occurrence)
);
