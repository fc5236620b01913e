-- Compliance evidence a provider (or an officer for it) uploads for the registry to review (platform table document
-- holds the file): accepted, it becomes a passed check; rejected, the provider is told why.
CREATE TABLE evidence_submission (
    document_id   UUID PRIMARY KEY REFERENCES document (id),
    provider_id   UUID        NOT NULL REFERENCES provider (id),
    kind          TEXT        NOT NULL,
    status        TEXT        NOT NULL CHECK (status IN ('SUBMITTED', 'ACCEPTED', 'REJECTED')),
    submitted_by  TEXT        NOT NULL,
    submitted_at  TIMESTAMPTZ NOT NULL,
    reviewed_by   TEXT,
    reviewed_at   TIMESTAMPTZ,
    review_note   TEXT,
    check_id      UUID REFERENCES provider_check (id),
    version       BIGINT      NOT NULL DEFAULT 0,
    CHECK ((status = 'SUBMITTED') = (reviewed_at IS NULL)),
    CHECK (status <> 'ACCEPTED' OR check_id IS NOT NULL)
);
CREATE INDEX evidence_submission_waiting ON evidence_submission (submitted_at) WHERE status = 'SUBMITTED';
CREATE INDEX evidence_submission_provider ON evidence_submission (provider_id, submitted_at);
