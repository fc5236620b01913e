-- What a batch held (a digest of its marks), so a batch id sent again with other marks is refused (409), not
-- answered "already received" while the corrections are silently dropped.
ALTER TABLE attendance_batch ADD COLUMN fingerprint TEXT;
