-- Issue 4: drafts that may be incomplete, returns to the school, panel meetings with agendas, decisions that
-- are superseded rather than changed, Fair Access clocks and the high-cost / SEND finance protocol.
ALTER TABLE referral ALTER COLUMN reason DROP NOT NULL;
ALTER TABLE referral ALTER COLUMN requested DROP NOT NULL;
ALTER TABLE referral ALTER COLUMN graduated_response DROP NOT NULL;
ALTER TABLE referral ALTER COLUMN safeguarding DROP NOT NULL;
ALTER TABLE referral ALTER COLUMN submitted_by DROP NOT NULL;
ALTER TABLE referral ALTER COLUMN submitted_at DROP NOT NULL;
ALTER TABLE referral
    ADD COLUMN parent_view        TEXT,
    ADD COLUMN pupil_voice        TEXT,
    ADD COLUMN attachments        JSONB       NOT NULL DEFAULT '[]',
    ADD COLUMN fair_access_since  DATE,
    ADD COLUMN returns            JSONB       NOT NULL DEFAULT '[]',
    ADD COLUMN created_by         TEXT,
    ADD COLUMN created_at         TIMESTAMPTZ,
    ADD COLUMN first_submitted_at TIMESTAMPTZ;
UPDATE referral SET created_by = submitted_by, created_at = submitted_at, first_submitted_at = submitted_at;
ALTER TABLE referral ALTER COLUMN created_by SET NOT NULL;
ALTER TABLE referral ALTER COLUMN created_at SET NOT NULL;
CREATE INDEX referral_status ON referral (status);
CREATE INDEX referral_fair_access_open ON referral (fair_access_since) WHERE fair_access;

CREATE TABLE panel_meeting (
    id            UUID PRIMARY KEY,
    meeting_date  DATE        NOT NULL,
    members       JSONB       NOT NULL,
    quorum        INT         NOT NULL CHECK (quorum >= 1),
    created_by    TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX panel_meeting_date ON panel_meeting (meeting_date);

-- A referral appears once on a meeting's agenda; a deferred one goes on a later meeting's agenda too.
CREATE TABLE agenda_item (
    id           UUID PRIMARY KEY,
    meeting_id   UUID        NOT NULL REFERENCES panel_meeting (id),
    referral_id  UUID        NOT NULL REFERENCES referral (id),
    position     INT         NOT NULL,
    added_at     TIMESTAMPTZ NOT NULL,
    UNIQUE (meeting_id, referral_id)
);
CREATE INDEX agenda_item_referral ON agenda_item (referral_id);

-- Decisions form a chain per referral: the first supersedes nothing, each later one supersedes exactly the
-- one before. The two unique indexes make "one current decision" a fact the database keeps.
ALTER TABLE decision DROP CONSTRAINT decision_referral_id_key;
ALTER TABLE decision
    ADD COLUMN meeting_id               UUID REFERENCES panel_meeting (id),
    ADD COLUMN supersedes_id            UUID REFERENCES decision (id),
    ADD COLUMN supersede_reason         TEXT,
    ADD COLUMN next_steps               TEXT,
    ADD COLUMN needs_finance_approval   BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN finance_approval_reasons JSONB   NOT NULL DEFAULT '[]';
CREATE UNIQUE INDEX decision_first_per_referral ON decision (referral_id) WHERE supersedes_id IS NULL;
CREATE UNIQUE INDEX decision_superseded_once ON decision (supersedes_id) WHERE supersedes_id IS NOT NULL;
CREATE INDEX decision_referral ON decision (referral_id, decided_at);
