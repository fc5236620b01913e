-- Offers: a placement proposed to a provider waits for the provider's answer before the Hub confirms it
-- (docs/domain-rules.md, "Offers"). One row per offer; a declined offer stays as history when the Hub offers the
-- placement to another provider.
ALTER TABLE provider_view
    ADD COLUMN response_timescale_days INT,
    ADD COLUMN specialisms             TEXT[] NOT NULL DEFAULT '{}';

CREATE TABLE placement_offer (
    id                  UUID PRIMARY KEY,
    placement_id        UUID        NOT NULL REFERENCES placement (id),
    provider_id         UUID        NOT NULL,
    offered_at          TIMESTAMPTZ NOT NULL,
    offered_by          TEXT        NOT NULL,
    respond_by          TIMESTAMPTZ NOT NULL,
    timescale_days      INT         NOT NULL,
    answer              TEXT        NOT NULL CHECK (answer IN ('AWAITING', 'ACCEPTED', 'DECLINED', 'WITHDRAWN')),
    answered_at         TIMESTAMPTZ,
    answered_by         TEXT,
    start_date          DATE,
    answer_note         TEXT,
    version             BIGINT      NOT NULL DEFAULT 0,
    CHECK ((answer = 'AWAITING') = (answered_at IS NULL)),
    CHECK (answer <> 'ACCEPTED' OR start_date IS NOT NULL),
    CHECK (answer <> 'DECLINED' OR answer_note IS NOT NULL)
);
-- At most one open (awaiting or accepted) offer per placement.
CREATE UNIQUE INDEX placement_offer_open ON placement_offer (placement_id) WHERE answer IN ('AWAITING', 'ACCEPTED');
CREATE INDEX placement_offer_provider ON placement_offer (provider_id, offered_at);
CREATE INDEX placement_offer_placement ON placement_offer (placement_id, offered_at);

-- Proposals made before offers existed are offered now, as of when they were proposed, with the default timescale.
INSERT INTO placement_offer (id, placement_id, provider_id, offered_at, offered_by, respond_by, timescale_days, answer)
SELECT gen_random_uuid(), id, provider_id, created_at, created_by, created_at + INTERVAL '7 days', 5, 'AWAITING'
FROM placement WHERE status = 'PROPOSED';

-- Outcomes: how a placement ended, beside the transition plan's destination.
ALTER TABLE placement ADD COLUMN outcome TEXT;
