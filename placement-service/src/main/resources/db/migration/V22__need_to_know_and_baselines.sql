-- What a provider must know to keep the pupil safe, kept on the placement by its school or the Hub
-- (docs/domain-rules.md, "Need to know").
ALTER TABLE placement ADD COLUMN need_to_know JSONB;

-- School populations by characteristic from a census, the baseline the disproportionality report compares with.
CREATE TABLE population_baseline (
    census_date     DATE        NOT NULL,
    school_urn      CHAR(6)     NOT NULL,
    characteristic  TEXT        NOT NULL
        CHECK (characteristic IN ('ALL', 'SEN_PROVISION', 'LOOKED_AFTER', 'FSM', 'ETHNICITY', 'SEX')),
    category        TEXT        NOT NULL,
    pupils          INT         NOT NULL CHECK (pupils >= 0),
    imported_by     TEXT        NOT NULL,
    imported_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (census_date, school_urn, characteristic, category)
);
