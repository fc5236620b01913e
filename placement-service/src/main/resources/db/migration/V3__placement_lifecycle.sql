-- Issue 5 (part): the lifecycle after commissioning. Each step is kept: who, when, from what, to what, why.
ALTER TABLE placement
    ADD COLUMN end_date         DATE,
    ADD COLUMN end_reason       TEXT,
    ADD COLUMN transition_plan  JSONB;

CREATE TABLE placement_step (
    id            UUID PRIMARY KEY,
    placement_id  UUID        NOT NULL REFERENCES placement (id),
    from_status   TEXT,
    to_status     TEXT        NOT NULL,
    what          TEXT        NOT NULL,
    reason        TEXT,
    taken_by      TEXT        NOT NULL,
    taken_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX placement_step_placement ON placement_step (placement_id, taken_at);
