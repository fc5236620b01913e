-- The login names of the members who sit on a meeting. A panel member (often a head teacher of another
-- school) reads only the referrals on the agendas of meetings that list their account (docs/access-matrix.md).
ALTER TABLE panel_meeting ADD COLUMN member_accounts JSONB NOT NULL DEFAULT '[]';
CREATE INDEX panel_meeting_member_accounts ON panel_meeting USING GIN (member_accounts);
