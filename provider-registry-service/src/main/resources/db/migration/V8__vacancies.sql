-- A provider's places and vacancies by specialism and key stage, kept current by the provider (or the registry):
-- search can ask for providers with a vacancy, and commissioners see them together.
CREATE TABLE provider_vacancy (
    id           UUID PRIMARY KEY,
    provider_id  UUID        NOT NULL REFERENCES provider (id),
    specialism   TEXT        NOT NULL,
    key_stage    TEXT        NOT NULL,
    places       INT         NOT NULL CHECK (places >= 0),
    vacancies    INT         NOT NULL CHECK (vacancies >= 0 AND vacancies <= places),
    updated_by   TEXT        NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL,
    UNIQUE (provider_id, specialism, key_stage)
);
CREATE INDEX provider_vacancy_open ON provider_vacancy (specialism, key_stage) WHERE vacancies > 0;
