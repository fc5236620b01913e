-- A school's own checks on a provider (DfE and Bristol guidance: "schools always need to conduct their own checks"),
-- kept per school: each record is one check as done on a day; the latest per kind is the school's current one.
CREATE TABLE school_provider_check (
    id                  UUID PRIMARY KEY,
    school_urn          TEXT        NOT NULL,
    provider_id         UUID        NOT NULL,
    kind                TEXT        NOT NULL,
    evidence_reference  TEXT        NOT NULL,
    checked_on          DATE        NOT NULL,
    expires_on          DATE        NOT NULL,
    recorded_by         TEXT        NOT NULL,
    recorded_at         TIMESTAMPTZ NOT NULL,
    CONSTRAINT school_provider_check_dates CHECK (expires_on > checked_on)
);
CREATE INDEX school_provider_check_current ON school_provider_check (school_urn, provider_id, kind, recorded_at DESC);

-- A part-time placement a school commissioned with a provider not approved on the framework, on its own checks.
ALTER TABLE placement ADD COLUMN off_framework BOOLEAN NOT NULL DEFAULT false;
