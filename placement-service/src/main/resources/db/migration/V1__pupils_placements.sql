CREATE TABLE pupil (
    id              UUID PRIMARY KEY,
    upn             CHAR(13)    NOT NULL UNIQUE,
    first_name      TEXT        NOT NULL,
    last_name       TEXT        NOT NULL,
    date_of_birth   DATE        NOT NULL,
    school_urn      CHAR(6)     NOT NULL,
    sen_provision   CHAR(1)     NOT NULL,
    sex             CHAR(1),
    ethnicity       TEXT,
    looked_after    BOOLEAN     NOT NULL DEFAULT false,
    created_at      TIMESTAMPTZ NOT NULL,
    version         BIGINT      NOT NULL DEFAULT 0
);
CREATE INDEX pupil_school ON pupil (school_urn);

-- Read model of the registry, fed by alp.providers.v1: lets a placement be refused without a call.
CREATE TABLE provider_view (
    provider_id          UUID PRIMARY KEY,
    name                 TEXT        NOT NULL,
    framework_status     TEXT        NOT NULL,
    registration_status  TEXT        NOT NULL,
    compliant            BOOLEAN     NOT NULL,
    compliant_until      DATE,
    as_of                TIMESTAMPTZ NOT NULL
);

CREATE TABLE placement (
    id                UUID PRIMARY KEY,
    pupil_id          UUID          NOT NULL REFERENCES pupil (id),
    school_urn        CHAR(6)       NOT NULL,
    provider_id       UUID          NOT NULL,
    commissioner      TEXT          NOT NULL,
    route             TEXT          NOT NULL,
    status            TEXT          NOT NULL,
    reason            TEXT          NOT NULL,
    timetable         JSONB         NOT NULL,
    hours_per_week    NUMERIC(5, 2) NOT NULL,
    hourly_rate       NUMERIC(10, 2),
    start_date        DATE          NOT NULL,
    planned_end_date  DATE          NOT NULL,
    decision_id       UUID UNIQUE,
    created_by        TEXT          NOT NULL,
    created_at        TIMESTAMPTZ   NOT NULL,
    version           BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT placement_dates CHECK (planned_end_date >= start_date)
);
CREATE INDEX placement_pupil ON placement (pupil_id);
CREATE INDEX placement_provider ON placement (provider_id, status);
CREATE INDEX placement_school ON placement (school_urn);
