-- Shared by every service: shipped in alp-platform, applied by each service's Flyway (db/platform).

-- Transactional outbox: written in the same transaction as the change that caused the event,
-- published by OutboxRelay in id order and marked sent only after the broker acknowledged.
CREATE TABLE outbox_message (
    id            BIGSERIAL PRIMARY KEY,
    event_id      UUID        NOT NULL UNIQUE,
    topic         TEXT        NOT NULL,
    aggregate_id  TEXT        NOT NULL,
    event_type    TEXT        NOT NULL,
    envelope      TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    sent_at       TIMESTAMPTZ,
    attempts      INT         NOT NULL DEFAULT 0,
    last_error    TEXT
);
CREATE INDEX outbox_message_unsent ON outbox_message (id) WHERE sent_at IS NULL;

-- Inbox: one row per (consumer, event) handled, inserted inside the handler's transaction,
-- so a redelivered event is recognised and changes nothing.
CREATE TABLE inbox_message (
    consumer     TEXT        NOT NULL,
    event_id     UUID        NOT NULL,
    event_type   TEXT        NOT NULL,
    received_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);

-- Audit trail: who read or changed what, when, under which request. Append-only.
CREATE TABLE audit_event (
    id             BIGSERIAL PRIMARY KEY,
    occurred_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    actor          TEXT        NOT NULL,
    actor_roles    TEXT        NOT NULL,
    action         TEXT        NOT NULL,
    resource_type  TEXT        NOT NULL,
    resource_id    TEXT        NOT NULL,
    request_id     TEXT,
    details        TEXT
);
CREATE INDEX audit_event_resource ON audit_event (resource_type, resource_id, occurred_at);

-- Idempotency-Key on POST: the first answer is kept and replayed to retries by the same caller.
-- status IS NULL while the first request is still being processed.
CREATE TABLE idempotency_key (
    principal     TEXT        NOT NULL,
    key           TEXT        NOT NULL,
    method        TEXT        NOT NULL,
    path          TEXT        NOT NULL,
    status        INT,
    content_type  TEXT,
    location      TEXT,
    body          TEXT,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (principal, key)
);
