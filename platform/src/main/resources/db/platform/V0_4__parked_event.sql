-- An event a consumer could not apply (unreadable, refused by a rule, or still failing after the retry window) is
-- parked here, in the consumer's own database, instead of being dropped: an operator lists, inspects and replays
-- it (platform inbox/ParkedEventResource). Replay goes through the inbox, so it never applies an event twice.
CREATE TABLE parked_event (
    id              BIGSERIAL   PRIMARY KEY,
    consumer        TEXT        NOT NULL,
    event_id        UUID,
    event_type      TEXT,
    subject         TEXT,
    record          TEXT        NOT NULL,
    error           TEXT        NOT NULL,
    attempts        INT         NOT NULL,
    parked_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    replayed_at     TIMESTAMPTZ,
    replayed_by     TEXT,
    replay_outcome  TEXT
);
CREATE INDEX parked_event_waiting ON parked_event (consumer, event_type) WHERE replayed_at IS NULL;
