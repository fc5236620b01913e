-- "Announce once": each occurrence that must be announced only the first time (a budget passing 80 %, a concern
-- about a placement on one day) is recorded here, in the transaction that announces it. The primary key makes
-- a second, or concurrent, announcement of the same occurrence a no-op. Used by platform's AnnounceOnce.
CREATE TABLE announcement (
    kind          TEXT        NOT NULL,
    subject       TEXT        NOT NULL,
    occurrence    TEXT        NOT NULL,
    detail        TEXT,
    announced_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (kind, subject, occurrence)
);
