-- The finance cost code a placement is charged to (optional until finance assigns one).
ALTER TABLE placement ADD COLUMN cost_code TEXT;
