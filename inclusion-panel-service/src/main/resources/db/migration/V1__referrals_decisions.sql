CREATE TABLE referral (
    id                   UUID PRIMARY KEY,
    school_urn           CHAR(6)     NOT NULL,
    pupil                JSONB       NOT NULL,
    reason               TEXT        NOT NULL,
    requested            TEXT        NOT NULL,
    fair_access          BOOLEAN     NOT NULL DEFAULT false,
    graduated_response   JSONB       NOT NULL,
    safeguarding         JSONB       NOT NULL,
    status               TEXT        NOT NULL,
    submitted_by         TEXT        NOT NULL,
    submitted_at         TIMESTAMPTZ NOT NULL,
    version              BIGINT      NOT NULL DEFAULT 0
);
CREATE INDEX referral_school ON referral (school_urn);

-- A decision is never changed; issue 4 adds superseding. One decision per referral for now.
CREATE TABLE decision (
    id                UUID PRIMARY KEY,
    referral_id       UUID        NOT NULL UNIQUE REFERENCES referral (id),
    outcome           TEXT        NOT NULL,
    rationale         TEXT        NOT NULL,
    members_present   JSONB       NOT NULL,
    placement         JSONB,
    decided_by        TEXT        NOT NULL,
    decided_at        TIMESTAMPTZ NOT NULL
);
