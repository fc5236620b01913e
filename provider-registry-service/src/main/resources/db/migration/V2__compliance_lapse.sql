-- Whether the provider's lapse has been recorded and published, so the daily sweep and reads publish
-- ProviderComplianceLapsed once per lapse, and searches can filter on it.
ALTER TABLE provider ADD COLUMN compliance_lapsed BOOLEAN NOT NULL DEFAULT false;
CREATE INDEX provider_approved_compliant ON provider (framework_status) WHERE NOT compliance_lapsed;
