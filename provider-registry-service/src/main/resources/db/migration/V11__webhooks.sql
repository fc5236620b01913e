-- Partner push (docs/domain-rules.md, "Partner push"): an authority's subscriptions to provider changes, each
-- walking the change feed from its own cursor, and one delivery per change and subscription, retried until the
-- partner's endpoint takes it or the retry window ends. The secret signs each request; the previous one keeps
-- signing beside it for a while after a rotation, so a partner can switch without missing a delivery.
CREATE TABLE webhook_subscription (
    id                     UUID PRIMARY KEY,
    authority              TEXT        NOT NULL,
    callback_url           TEXT        NOT NULL,
    description            TEXT,
    status                 TEXT        NOT NULL CHECK (status IN ('ACTIVE', 'PAUSED')),
    secret                 TEXT        NOT NULL,
    previous_secret        TEXT,
    previous_secret_until  TIMESTAMPTZ,
    feed_cursor            TEXT        NOT NULL,
    created_by             TEXT        NOT NULL,
    created_at             TIMESTAMPTZ NOT NULL,
    updated_at             TIMESTAMPTZ NOT NULL,
    version                BIGINT      NOT NULL DEFAULT 0
);
CREATE INDEX webhook_subscription_authority ON webhook_subscription (authority, created_at);

-- The body is kept as sent (text, not jsonb, so every try sends the same bytes and the same signature input).
CREATE TABLE webhook_delivery (
    id                UUID PRIMARY KEY,
    seq               BIGINT      GENERATED ALWAYS AS IDENTITY UNIQUE,
    subscription_id   UUID        NOT NULL REFERENCES webhook_subscription (id) ON DELETE CASCADE,
    provider_id       UUID        NOT NULL,
    provider_version  BIGINT      NOT NULL,
    feed_cursor       TEXT        NOT NULL,
    body              TEXT        NOT NULL,
    status            TEXT        NOT NULL CHECK (status IN ('PENDING', 'SENDING', 'DELIVERED', 'FAILED')),
    attempts          INT         NOT NULL DEFAULT 0,
    next_attempt_at   TIMESTAMPTZ NOT NULL,
    first_attempt_at  TIMESTAMPTZ,
    sending_since     TIMESTAMPTZ,
    last_status_code  INT,
    last_error        TEXT,
    created_at        TIMESTAMPTZ NOT NULL,
    finished_at       TIMESTAMPTZ,
    CHECK ((status IN ('DELIVERED', 'FAILED')) = (finished_at IS NOT NULL))
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING';
-- Per provider in order: a delivery waits while an earlier one for the same provider and subscription is unfinished.
CREATE INDEX webhook_delivery_unfinished ON webhook_delivery (subscription_id, provider_id, seq)
    WHERE status IN ('PENDING', 'SENDING');
CREATE INDEX webhook_delivery_log ON webhook_delivery (subscription_id, seq);
CREATE INDEX webhook_delivery_finished ON webhook_delivery (finished_at) WHERE finished_at IS NOT NULL;
