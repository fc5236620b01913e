-- Free-text search ("q") matches any part of a provider's name, case-insensitively: a trigram index lets
-- lower(name) LIKE '%...%' use an index instead of reading every provider (pg_trgm is a trusted extension).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX provider_name_trigram ON provider USING GIN (lower(name) gin_trgm_ops);
