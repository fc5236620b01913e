-- Issue 6: commitments follow their placement (changes of hours, early end, cancellation), are split by
-- financial year, carry their cost code and the high-cost / SEND approval; budgets raise threshold events once.
ALTER TABLE commitment
    ADD COLUMN cost_code         TEXT REFERENCES cost_code (code),
    ADD COLUMN ehc_plan          BOOLEAN        NOT NULL DEFAULT false,
    ADD COLUMN segments          JSONB,
    ADD COLUMN end_date          DATE,
    ADD COLUMN released          NUMERIC(12, 2) NOT NULL DEFAULT 0,
    ADD COLUMN approval          TEXT           NOT NULL DEFAULT 'NOT_REQUIRED',
    ADD COLUMN approval_reasons  JSONB          NOT NULL DEFAULT '[]',
    ADD COLUMN approved_total    NUMERIC(12, 2),
    ADD COLUMN approved_by       TEXT,
    ADD COLUMN approved_at       TIMESTAMPTZ,
    ADD COLUMN over_budget       BOOLEAN        NOT NULL DEFAULT false,
    ADD COLUMN updated_at        TIMESTAMPTZ,
    ADD COLUMN version           BIGINT         NOT NULL DEFAULT 0;
UPDATE commitment SET segments = jsonb_build_array(jsonb_build_object('from', start_date, 'to', planned_end_date,
    'hoursPerWeek', hours_per_week::text)), updated_at = created_at;
ALTER TABLE commitment ALTER COLUMN segments SET NOT NULL;
CREATE INDEX commitment_cost_code ON commitment (cost_code);
CREATE INDEX commitment_pending_approval ON commitment (created_at) WHERE approval = 'PENDING';

-- A commitment's forecast by financial year; replaced whole whenever the commitment is recomputed.
CREATE TABLE commitment_year (
    commitment_id   UUID           NOT NULL REFERENCES commitment (id),
    financial_year  TEXT           NOT NULL,
    weeks           NUMERIC(8, 4)  NOT NULL,
    amount          NUMERIC(12, 2),
    PRIMARY KEY (commitment_id, financial_year)
);
CREATE INDEX commitment_year_year ON commitment_year (financial_year);

-- Each threshold (80, 90, 100 per cent) of a budget is announced once.
CREATE TABLE budget_threshold (
    budget_id   UUID           NOT NULL REFERENCES budget (id),
    level       INT            NOT NULL,
    committed   NUMERIC(14, 2) NOT NULL,
    reached_at  TIMESTAMPTZ    NOT NULL,
    PRIMARY KEY (budget_id, level)
);
