-- Quality assurance (docs/domain-rules.md, "Quality assurance"): visits scheduled by the provider's risk, recorded
-- with findings against the framework's areas, and actions followed up to done.
ALTER TABLE provider ADD COLUMN qa_risk TEXT NOT NULL DEFAULT 'MEDIUM' CHECK (qa_risk IN ('LOW', 'MEDIUM', 'HIGH'));

CREATE TABLE qa_visit (
    id           UUID PRIMARY KEY,
    provider_id  UUID        NOT NULL REFERENCES provider (id),
    due_on       DATE        NOT NULL,
    status       TEXT        NOT NULL CHECK (status IN ('SCHEDULED', 'COMPLETED', 'CANCELLED')),
    visited_on   DATE,
    visited_by   TEXT,
    rating       TEXT CHECK (rating IN ('OUTSTANDING', 'GOOD', 'REQUIRES_IMPROVEMENT', 'INADEQUATE')),
    findings     JSONB       NOT NULL DEFAULT '[]',
    summary      TEXT,
    recorded_by  TEXT,
    recorded_at  TIMESTAMPTZ,
    version      BIGINT      NOT NULL DEFAULT 0,
    CHECK ((status = 'COMPLETED') = (visited_on IS NOT NULL AND rating IS NOT NULL))
);
-- One visit waits to be made per provider at a time.
CREATE UNIQUE INDEX qa_visit_one_scheduled ON qa_visit (provider_id) WHERE status = 'SCHEDULED';
CREATE INDEX qa_visit_provider ON qa_visit (provider_id, due_on);

CREATE TABLE qa_action (
    id           UUID PRIMARY KEY,
    visit_id     UUID        NOT NULL REFERENCES qa_visit (id),
    provider_id  UUID        NOT NULL REFERENCES provider (id),
    area         TEXT        NOT NULL,
    action       TEXT        NOT NULL,
    owner        TEXT        NOT NULL,
    due_on       DATE        NOT NULL,
    status       TEXT        NOT NULL CHECK (status IN ('OPEN', 'DONE')),
    done_on      DATE,
    done_by      TEXT,
    done_note    TEXT,
    version      BIGINT      NOT NULL DEFAULT 0,
    CHECK ((status = 'DONE') = (done_on IS NOT NULL))
);
CREATE INDEX qa_action_open ON qa_action (due_on) WHERE status = 'OPEN';
CREATE INDEX qa_action_provider ON qa_action (provider_id, due_on);
