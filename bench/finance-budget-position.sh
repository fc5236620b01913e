#!/usr/bin/env bash
# Budget-position report latency with 100,000 commitments (about 150,000 financial-year shares) under 60
# cost codes: p50/p90/p99 for 1 and for 10 concurrent finance officers, 20 s each, direct and through the
# gateway. Prints figures; passes or fails on nothing. Starts and stops its own stack on the standard loopback
# ports (stop any './alp up' first). Data is bulk-loaded with SQL (the API path is exercised by the tests).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
command -v wrk >/dev/null || { apt-get update -q && apt-get install -y -q wrk; }
command -v psql >/dev/null || { apt-get update -q && apt-get install -y -q postgresql-client; }
DURATION=${DURATION:-20s}
COMMITMENTS=${COMMITMENTS:-100000}

source bench/stack.sh

echo "Loading 60 cost codes, their 2026-27 budgets and $COMMITMENTS commitments..."
PGPASSWORD=postgres psql -q -h 127.0.0.1 -p 15432 -U postgres -d alp_finance -v ON_ERROR_STOP=1 \
  -v commitments="$COMMITMENTS" <<'SQL'
INSERT INTO cost_code (code, description, cost_centre, budget_line, funding_stream, status, created_by, created_at)
SELECT 'BENCH-' || g, 'Bench code ' || g, 'CC' || (g % 10), 'BL' || (g % 10) || '-' || (g % 3),
       (ARRAY['HIGH_NEEDS_BLOCK','ALP_HUB_CORE','SCHOOL_FUNDED','POST_16_YOUNG_PARENTS'])[1 + g % 4],
       'ACTIVE', 'bench', now()
FROM generate_series(1, 60) g;
INSERT INTO budget (id, financial_year, cost_code, amount, updated_by, updated_at)
SELECT gen_random_uuid(), '2026-27', code, 2000000, 'bench', now() FROM cost_code WHERE code LIKE 'BENCH-%';
CREATE TEMP TABLE bench_commitment AS
SELECT gen_random_uuid() AS id, g,
       CASE WHEN g % 50 = 0 THEN NULL ELSE 'BENCH-' || (1 + g % 60) END AS cost_code,
       DATE '2026-04-06' + (g % 300) AS start_date, (5 + g % 20)::numeric AS hours, (25 + g % 30)::numeric AS rate
FROM generate_series(1, :commitments) g;
INSERT INTO commitment (id, placement_id, provider_id, hours_per_week, hourly_rate, start_date, planned_end_date,
    weeks, forecast_cost, status, created_at, cost_code, segments, approval, updated_at)
SELECT id, gen_random_uuid(), gen_random_uuid(), hours, rate, start_date, start_date + 90, 13, hours * rate * 13,
       'COMMITTED', now(), cost_code,
       jsonb_build_array(jsonb_build_object('from', start_date, 'to', start_date + 90, 'hoursPerWeek', hours::text)),
       CASE WHEN g % 20 = 0 THEN 'PENDING' ELSE 'NOT_REQUIRED' END, now()
FROM bench_commitment;
-- Shares: the part in 2026-27, and for placements running past 31 March the part in 2027-28.
INSERT INTO commitment_year (commitment_id, financial_year, weeks, amount)
SELECT id, '2026-27', 13, hours * rate * 13 FROM bench_commitment WHERE start_date + 90 <= DATE '2027-03-31'
UNION ALL
SELECT id, '2026-27', 6, hours * rate * 6 FROM bench_commitment WHERE start_date + 90 > DATE '2027-03-31'
UNION ALL
SELECT id, '2027-28', 7, hours * rate * 7 FROM bench_commitment WHERE start_date + 90 > DATE '2027-03-31';
VACUUM ANALYZE commitment; VACUUM ANALYZE commitment_year;
SQL
PGPASSWORD=postgres psql -At -h 127.0.0.1 -p 15432 -U postgres -d alp_finance -c "select (select count(*) from \
  commitment) || ' commitments, ' || count(*) || ' financial-year shares' from commitment_year"

token=$(curl -s -d grant_type=password -d client_id=alp-web -d username=finance.officer -d password=demo \
  http://127.0.0.1:8180/realms/alp/protocol/openid-connect/token | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
path="/api/v1/finance/reports/budget-position?year=2026-27"
sample=$(curl -s -H "Authorization: Bearer $token" "http://127.0.0.1:8084$path")
echo "${sample:0:300} ..."

run() {
  local label=$1 base=$2 connections=$3
  wrk -t1 -c"$connections" -d10s -H "Authorization: Bearer $token" "$base$path" > /dev/null  # warm-up
  echo "== $label ($base), $connections concurrent, $DURATION"
  wrk -t1 -c"$connections" -d"$DURATION" --latency -H "Authorization: Bearer $token" "$base$path" \
    | grep -E '^\s+(50|90|99)%|Requests/sec|Non-2xx|Socket errors' | tee "$report"
  if [ "$connections" = 10 ]; then
    bench_row "budget position, 10 officers, $label, p99" "$(awk '$1 == "99%" { print $2 }' "$report")" "-" "-" \
      "p99 <= 100 ms"
  fi
}
report=$(mktemp)
run "direct to finance-service" http://127.0.0.1:8084 1
run "direct to finance-service" http://127.0.0.1:8084 10
run "through the gateway" http://127.0.0.1:8080 1
run "through the gateway" http://127.0.0.1:8080 10
