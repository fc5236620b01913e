-- A message the broker refused alp.outbox.max-attempts times is parked: it, and the later messages of its
-- aggregate (which must not overtake it), wait for an operator. Parked messages show in /q/health/ready.
ALTER TABLE outbox_message ADD COLUMN parked_at TIMESTAMPTZ;
CREATE INDEX outbox_message_parked ON outbox_message (aggregate_id) WHERE parked_at IS NOT NULL;
