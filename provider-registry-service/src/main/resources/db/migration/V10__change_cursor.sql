-- The partner change feed's cursor (docs/domain-rules.md, "The change feed"): every insert or update of a provider
-- records the transaction that made it. The feed returns providers in (transaction, id) order and only those whose
-- transaction is older than every transaction still running, so a change committed late by an earlier transaction
-- is never passed over, and a provider changed again moves to the end of the feed.
ALTER TABLE provider ADD COLUMN change_txid xid8;

CREATE FUNCTION provider_change_txid() RETURNS trigger AS $$
BEGIN
    NEW.change_txid := pg_current_xact_id();
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER provider_change_txid BEFORE INSERT OR UPDATE ON provider
    FOR EACH ROW EXECUTE FUNCTION provider_change_txid();

UPDATE provider SET change_txid = pg_current_xact_id();
ALTER TABLE provider ALTER COLUMN change_txid SET NOT NULL;
CREATE INDEX provider_change_cursor ON provider (change_txid, id);
