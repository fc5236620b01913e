CREATE TABLE commitment (
    id                UUID PRIMARY KEY,
    placement_id      UUID           NOT NULL UNIQUE,
    provider_id       UUID           NOT NULL,
    hours_per_week    NUMERIC(5, 2)  NOT NULL,
    hourly_rate       NUMERIC(10, 2),
    start_date        DATE           NOT NULL,
    planned_end_date  DATE           NOT NULL,
    weeks             NUMERIC(8, 4)  NOT NULL,
    forecast_cost     NUMERIC(12, 2),
    status            TEXT           NOT NULL,
    created_at        TIMESTAMPTZ    NOT NULL
);
CREATE INDEX commitment_provider ON commitment (provider_id);
