-- Who is told: one address per audience and key (a school's URN, a provider's id; teams have no key), with how
-- they want routine notifications (IMMEDIATE or DAILY_DIGEST). Urgent ones always go at once.
CREATE TABLE recipient (
    id          UUID PRIMARY KEY,
    audience    TEXT        NOT NULL,
    key         TEXT        NOT NULL DEFAULT '',
    email       TEXT        NOT NULL,
    preference  TEXT        NOT NULL,
    updated_by  TEXT        NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    version     BIGINT      NOT NULL DEFAULT 0,
    UNIQUE (audience, key)
);

-- One row per occurrence and recipient: the delivery log. The unique key makes a notification at most once per
-- event and recipient, however often the event arrives. Subject and body are kept as sent.
CREATE TABLE notification (
    id               UUID PRIMARY KEY,
    event_id         UUID,
    event_type       TEXT        NOT NULL,
    template         TEXT        NOT NULL,
    audience         TEXT        NOT NULL,
    recipient_key    TEXT        NOT NULL DEFAULT '',
    email            TEXT,
    urgent           BOOLEAN     NOT NULL,
    subject          TEXT        NOT NULL,
    body             TEXT        NOT NULL,
    reference        TEXT,
    status           TEXT        NOT NULL,
    attempts         INT         NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ,
    sending_since    TIMESTAMPTZ,
    last_error       TEXT,
    digest_id        UUID REFERENCES notification (id),
    created_at       TIMESTAMPTZ NOT NULL,
    sent_at          TIMESTAMPTZ,
    resent_by        TEXT,
    version          BIGINT      NOT NULL DEFAULT 0,
    UNIQUE (event_id, audience, recipient_key)
);
CREATE INDEX notification_due ON notification (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX notification_digest ON notification (email) WHERE status = 'QUEUED_FOR_DIGEST';
CREATE INDEX notification_recipient ON notification (audience, recipient_key, created_at);
CREATE INDEX notification_created ON notification (created_at);
