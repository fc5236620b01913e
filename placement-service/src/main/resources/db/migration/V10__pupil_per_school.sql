-- A pupil belongs to the school that recorded them: each school with the pupil on roll keeps its own record,
-- so a UPN is unique within a school, not across schools. Another school's UPN gives no signal
-- (docs/access-matrix.md, "Pupils belong to their school").
ALTER TABLE pupil DROP CONSTRAINT pupil_upn_key;
CREATE UNIQUE INDEX pupil_school_upn ON pupil (school_urn, upn);
CREATE INDEX pupil_upn ON pupil (upn);
