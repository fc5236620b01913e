-- Issue 6: one register of cost codes, each tied to a cost centre, a budget line and a funding stream; budgets
-- per financial year per cost code, with every change kept.
CREATE TABLE cost_code (
    code            TEXT PRIMARY KEY,
    description     TEXT        NOT NULL,
    cost_centre     TEXT        NOT NULL,
    budget_line     TEXT        NOT NULL,
    funding_stream  TEXT        NOT NULL,
    status          TEXT        NOT NULL,
    retired_reason  TEXT,
    retired_at      TIMESTAMPTZ,
    created_by      TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    version         BIGINT      NOT NULL DEFAULT 0
);

CREATE TABLE budget (
    id              UUID PRIMARY KEY,
    financial_year  TEXT           NOT NULL,
    cost_code       TEXT           NOT NULL REFERENCES cost_code (code),
    amount          NUMERIC(14, 2) NOT NULL CHECK (amount >= 0),
    updated_by      TEXT           NOT NULL,
    updated_at      TIMESTAMPTZ    NOT NULL,
    version         BIGINT         NOT NULL DEFAULT 0,
    UNIQUE (financial_year, cost_code)
);

-- Never updated or deleted: the history of a budget is these rows in order.
CREATE TABLE budget_change (
    id               UUID PRIMARY KEY,
    budget_id        UUID           NOT NULL REFERENCES budget (id),
    previous_amount  NUMERIC(14, 2),
    new_amount       NUMERIC(14, 2) NOT NULL,
    reason           TEXT           NOT NULL,
    changed_by       TEXT           NOT NULL,
    changed_at       TIMESTAMPTZ    NOT NULL
);
CREATE INDEX budget_change_budget ON budget_change (budget_id, changed_at);
