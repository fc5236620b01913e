-- The default search order (name, id): lets a filtered first page stop after 20 rows instead of
-- sorting every match (measured with bench/registry-search.sh: 5.1 ms -> 0.1 ms per page query).
CREATE INDEX provider_name_order ON provider (name, id);
