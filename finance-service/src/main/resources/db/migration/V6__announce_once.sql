-- Budget thresholds reached are now recorded by platform's AnnounceOnce (table announcement, platform V0_2).
INSERT INTO announcement (kind, subject, occurrence, detail, announced_at)
SELECT 'budget-threshold', budget_id::text, level::text, 'committed ' || committed, reached_at FROM budget_threshold;
DROP TABLE budget_threshold;
