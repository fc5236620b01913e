-- Concerns raised by the oversight sweep are now recorded by platform's AnnounceOnce (table announcement,
-- platform V0_2).
INSERT INTO announcement (kind, subject, occurrence, detail, announced_at)
SELECT 'placement-attention.' || kind, placement_id::text, occurrence, detail, raised_at FROM placement_alert;
DROP TABLE placement_alert;
