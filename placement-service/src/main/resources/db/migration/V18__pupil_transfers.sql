-- A pupil moving to another school: asked for by the school (or the Hub), agreed or declined by the Hub. When agreed,
-- the new school's record of the pupil takes the running placements; the old school keeps its own record and history.
CREATE TABLE pupil_transfer (
    id               UUID PRIMARY KEY,
    pupil_id         UUID        NOT NULL REFERENCES pupil (id),
    from_school_urn  TEXT        NOT NULL,
    to_school_urn    TEXT        NOT NULL,
    effective_from   DATE        NOT NULL,
    reason           TEXT        NOT NULL,
    status           TEXT        NOT NULL,
    requested_by     TEXT        NOT NULL,
    requested_at     TIMESTAMPTZ NOT NULL,
    decided_by       TEXT,
    decided_at       TIMESTAMPTZ,
    decision_note    TEXT,
    new_pupil_id     UUID REFERENCES pupil (id),
    version          BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT pupil_transfer_schools CHECK (from_school_urn <> to_school_urn)
);
-- One open request per pupil record.
CREATE UNIQUE INDEX pupil_transfer_one_open ON pupil_transfer (pupil_id) WHERE status = 'REQUESTED';
