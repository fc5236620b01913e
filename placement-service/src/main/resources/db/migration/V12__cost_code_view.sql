-- The cost codes finance has published (alp.finance.v1): a placement may name only an active one, so finance can
-- always commit its cost under it (docs/domain-rules.md, "Who may commission what").
CREATE TABLE cost_code_view (
    code            TEXT        PRIMARY KEY,
    description     TEXT,
    funding_stream  TEXT,
    status          TEXT        NOT NULL,
    as_of           TIMESTAMPTZ NOT NULL
);
