-- What schools and officers need to choose a provider. Sites, contacts and rates are value lists kept
-- with the provider (JSON); specialisms, key stages and postcode districts are arrays so search can use
-- them directly.
ALTER TABLE provider
    ADD COLUMN description              TEXT,
    ADD COLUMN specialisms              VARCHAR[] NOT NULL DEFAULT '{}',
    ADD COLUMN key_stages               VARCHAR[] NOT NULL DEFAULT '{}',
    ADD COLUMN min_age                  INT,
    ADD COLUMN max_age                  INT,
    ADD COLUMN capacity                 INT,
    ADD COLUMN response_timescale_days  INT,
    ADD COLUMN sla_reference            TEXT,
    ADD COLUMN careers_advice           BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN website                  TEXT,
    ADD COLUMN sites                    JSONB   NOT NULL DEFAULT '[]',
    ADD COLUMN postcode_districts       VARCHAR[] NOT NULL DEFAULT '{}',
    ADD COLUMN contacts                 JSONB   NOT NULL DEFAULT '[]',
    ADD COLUMN rates                    JSONB   NOT NULL DEFAULT '[]';
CREATE INDEX provider_specialisms ON provider USING GIN (specialisms);
CREATE INDEX provider_postcode_districts ON provider USING GIN (postcode_districts);
CREATE INDEX provider_updated ON provider (updated_at, id);
