-- Running totals of the commitment shares per financial year and cost code ('' for commitments without one): what
-- is committed (approved or not needing approval), what waits for approval, how many shares wait for a rate, and how
-- many shares there are.
-- Kept by triggers in the same transaction as every change to a share or to a commitment's cost code or approval,
-- so the budget position and budget control read one row per cost code instead of summing every share
-- (docs/decisions/0009-budget-running-totals.md).
CREATE TABLE budget_total (
    financial_year  TEXT           NOT NULL,
    cost_code       TEXT           NOT NULL,
    committed       NUMERIC(14, 2) NOT NULL DEFAULT 0,
    pending         NUMERIC(14, 2) NOT NULL DEFAULT 0,
    rate_pending    BIGINT         NOT NULL DEFAULT 0,
    shares          BIGINT         NOT NULL DEFAULT 0,
    PRIMARY KEY (financial_year, cost_code)
);

-- Adds (sign 1) or takes away (sign -1) one share of a commitment in the given state.
CREATE FUNCTION budget_total_apply(year TEXT, code TEXT, waiting BOOLEAN, amount NUMERIC, sign INT) RETURNS VOID AS $$
    INSERT INTO budget_total AS t (financial_year, cost_code, committed, pending, rate_pending, shares)
    VALUES (year, coalesce(code, ''),
            CASE WHEN waiting THEN 0 ELSE sign * coalesce(amount, 0) END,
            CASE WHEN waiting THEN sign * coalesce(amount, 0) ELSE 0 END,
            CASE WHEN amount IS NULL THEN sign ELSE 0 END,
            sign)
    ON CONFLICT (financial_year, cost_code) DO UPDATE
        SET committed = t.committed + excluded.committed,
            pending = t.pending + excluded.pending,
            rate_pending = t.rate_pending + excluded.rate_pending,
            shares = t.shares + excluded.shares;
$$ LANGUAGE sql;

CREATE FUNCTION budget_total_on_share() RETURNS TRIGGER AS $$
DECLARE
    c RECORD;
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        SELECT cost_code, approval INTO c FROM commitment WHERE id = OLD.commitment_id;
        PERFORM budget_total_apply(OLD.financial_year, c.cost_code, c.approval = 'PENDING', OLD.amount, -1);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        SELECT cost_code, approval INTO c FROM commitment WHERE id = NEW.commitment_id;
        PERFORM budget_total_apply(NEW.financial_year, c.cost_code, c.approval = 'PENDING', NEW.amount, 1);
    END IF;
    RETURN NULL;
END $$ LANGUAGE plpgsql;

CREATE TRIGGER budget_total_share AFTER INSERT OR UPDATE OR DELETE ON commitment_year
    FOR EACH ROW EXECUTE FUNCTION budget_total_on_share();

-- A commitment recoded, or its approval changed: its shares move between totals.
CREATE FUNCTION budget_total_on_commitment() RETURNS TRIGGER AS $$
BEGIN
    IF OLD.cost_code IS DISTINCT FROM NEW.cost_code
            OR (OLD.approval = 'PENDING') IS DISTINCT FROM (NEW.approval = 'PENDING') THEN
        PERFORM budget_total_apply(y.financial_year, OLD.cost_code, OLD.approval = 'PENDING', y.amount, -1),
                budget_total_apply(y.financial_year, NEW.cost_code, NEW.approval = 'PENDING', y.amount, 1)
        FROM commitment_year y WHERE y.commitment_id = NEW.id;
    END IF;
    RETURN NULL;
END $$ LANGUAGE plpgsql;

CREATE TRIGGER budget_total_commitment AFTER UPDATE OF cost_code, approval ON commitment
    FOR EACH ROW EXECUTE FUNCTION budget_total_on_commitment();

-- The totals of what is already there.
INSERT INTO budget_total (financial_year, cost_code, committed, pending, rate_pending, shares)
SELECT y.financial_year, coalesce(c.cost_code, ''),
       coalesce(sum(y.amount) FILTER (WHERE c.approval <> 'PENDING'), 0),
       coalesce(sum(y.amount) FILTER (WHERE c.approval = 'PENDING'), 0),
       count(*) FILTER (WHERE y.amount IS NULL),
       count(*)
FROM commitment_year y JOIN commitment c ON c.id = y.commitment_id
GROUP BY y.financial_year, coalesce(c.cost_code, '');
