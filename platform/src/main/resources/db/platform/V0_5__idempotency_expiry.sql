-- A key remembers a digest of the request it was first used for (a reuse with another body is refused), and keys
-- expire (alp.idempotency.ttl, a day by default; purged hourly).
ALTER TABLE idempotency_key ADD COLUMN request_hash TEXT;
CREATE INDEX idempotency_key_created ON idempotency_key (created_at);
