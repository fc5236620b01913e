#!/usr/bin/env bash
# Registry search latency with 10,000 providers and 100,000 checks loaded: p50/p90/p99 at 50 concurrent
# clients for 20 s, through the gateway and direct to the service; first with no pause between a client's
# searches (the machine saturated: latency is mostly queueing), then with THINK_MS between them; then open loop,
# OPEN_LOOP_RATE searches a second (bench/lib/OpenLoop.java).
# Prints figures; passes or fails on nothing. Starts and stops its own stack on the standard loopback ports (stop any './alp up' first).
# Data is bulk-loaded with SQL (the API path is exercised by the tests); wrk is the load generator.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
command -v wrk >/dev/null || { apt-get update -q && apt-get install -y -q wrk; }
command -v psql >/dev/null || { apt-get update -q && apt-get install -y -q postgresql-client; }
CONNECTIONS=${CONNECTIONS:-50}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-20s}
THINK_MS=${THINK_MS:-250}
OPEN_LOOP_RATE=${OPEN_LOOP_RATE:-200}
OPEN_LOOP_SECONDS=${OPEN_LOOP_SECONDS:-30}
if [ -z "${JAVA_HOME:-}" ]; then JAVA_HOME=$(ls -d /usr/lib/jvm/temurin-25* /usr/lib/jvm/*-2[1-9]-* 2>/dev/null | head -1); fi

source bench/stack.sh

echo "Loading 10,000 providers and 100,000 checks..."
PGPASSWORD=postgres psql -q -h 127.0.0.1 -p 15432 -U postgres -d alp_registry -v ON_ERROR_STOP=1 <<'SQL'
INSERT INTO provider (id, name, ukprn, registration_status, lead_authority, framework_status, created_at,
    updated_at, version, description, specialisms, key_stages, min_age, max_age, capacity, postcode_districts,
    sites, contacts, rates)
SELECT gen_random_uuid(), 'Bench Provider ' || g, '19' || lpad(g::text, 6, '0'),
       (ARRAY['UNREGISTERED','REGISTERED_INDEPENDENT_SCHOOL','STATE_PLACE_FUNDED_AP'])[1 + (g / 3) % 3],
       (ARRAY['BRISTOL','SOUTH_GLOUCESTERSHIRE','NORTH_SOMERSET'])[1 + g % 3],
       CASE WHEN g % 10 < 8 THEN 'APPROVED' WHEN g % 10 = 8 THEN 'APPLIED' ELSE 'SUSPENDED' END,
       now() - (g || ' minutes')::interval, now() - (g || ' minutes')::interval, 0,
       'Benchmark provider number ' || g,
       ARRAY[(ARRAY['SEMH','AUTISM','MEDICAL_HEALTH','VOCATIONAL','OUTDOOR','ARTS','YOUNG_PARENTS','TUITION',
                    'ENGLISH_AS_ADDITIONAL_LANGUAGE','SPORT'])[1 + g % 10],
             (ARRAY['SEMH','AUTISM','MEDICAL_HEALTH','VOCATIONAL','OUTDOOR','ARTS','YOUNG_PARENTS','TUITION',
                    'ENGLISH_AS_ADDITIONAL_LANGUAGE','SPORT'])[1 + (g / 10) % 10]]::varchar[],
       ARRAY['KS3','KS4']::varchar[], 11, 16, 10 + g % 40,
       ARRAY['BS' || (1 + g % 16)]::varchar[],
       jsonb_build_array(jsonb_build_object('name', 'Site ' || g, 'addressLine', g || ' Bench Street',
           'town', 'Bristol', 'postcode', 'BS' || (1 + g % 16) || ' 1AA')),
       '[]'::jsonb,
       jsonb_build_array(jsonb_build_object('unit', 'HOUR', 'amount', 35 + g % 20, 'validFrom', '2026-04-01'))
FROM generate_series(1, 10000) g;
INSERT INTO provider_check (id, provider_id, kind, outcome, checked_on, expires_on, authority, officer, recorded_at)
SELECT gen_random_uuid(), p.id,
       (ARRAY['DBS_AND_STAFF_TRAINING','INSURANCE','HEALTH_AND_SAFETY_RISK_ASSESSMENT',
              'SAFEGUARDING_POLICY_AND_PRACTICE','ATTENDANCE_AND_ENGAGEMENT','FINANCIAL_VIABILITY',
              'QUALITY_ASSURANCE_VISIT'])[1 + k % 7],
       'PASSED', current_date - 30 - k, current_date + 365 - k, 'BRISTOL', 'bench', now()
FROM provider p CROSS JOIN generate_series(1, 10) k WHERE p.name LIKE 'Bench Provider %';
-- As autovacuum would soon after a bulk load: flushes the GIN indexes' pending lists, refreshes statistics.
VACUUM ANALYZE provider; VACUUM ANALYZE provider_check;
SQL
PGPASSWORD=postgres psql -At -h 127.0.0.1 -p 15432 -U postgres -d alp_registry \
  -c "select count(*) || ' providers, ' || (select count(*) from provider_check) || ' checks' from provider"

token=$(curl -s -d grant_type=password -d client_id=alp-web -d username=school.a -d password=demo \
  http://127.0.0.1:8180/realms/alp/protocol/openid-connect/token | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
script=$(mktemp --suffix=.lua)
cat > "$script" <<'LUA'
-- A school business manager's searches, in rotation.
local paths = {
  "/api/v1/providers?specialism=SEMH&postcodeDistrict=BS5&age=14&status=APPROVED&size=20",
  "/api/v1/providers?specialism=OUTDOOR&keyStage=KS4&status=APPROVED&size=20&page=2",
  "/api/v1/providers?q=provider%2012&size=20",
  "/api/v1/providers?leadAuthority=north-somerset&registrationStatus=UNREGISTERED&size=20&sort=UPDATED",
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
LUA

thinking=$(mktemp --suffix=.lua)
{ cat "$script"; echo "delay = function() return $THINK_MS end"; } > "$thinking"

# Each mode: a warm-up (JIT, pools), then the measured run.
run() {
  local label=$1 base=$2 lua=$3
  wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -s "$lua" -H "Authorization: Bearer $token" "$base" > /dev/null
  echo "== $label ($base), $CONNECTIONS connections, $DURATION"
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$lua" -H "Authorization: Bearer $token" "$base" \
    | grep -E '^\s+(50|90|99)%|Requests/sec|Non-2xx|Socket errors'
}
run "saturation: no pause between searches, direct to provider-registry-service" http://127.0.0.1:8081 "$script"
run "saturation: no pause between searches, through the gateway" http://127.0.0.1:8080 "$script"
run "each client pauses ${THINK_MS} ms between searches, direct" http://127.0.0.1:8081 "$thinking"
run "each client pauses ${THINK_MS} ms between searches, through the gateway" http://127.0.0.1:8080 "$thinking"

# Open loop: searches sent at a fixed rate whatever the answers do, each timed from when it was due (wrk above is
# closed-loop: a slow answer delays the next search, which hides queueing).
paths=$(sed -n 's/^  "\(.*\)",$/\1/p' "$script")
for target in "direct 8081" "gateway 8080"; do
  set -- $target
  # shellcheck disable=SC2086 # paths are one argument each
  read -r sent errors p50 p90 p99 max < <("$JAVA_HOME/bin/java" bench/lib/OpenLoop.java "http://127.0.0.1:$2" \
    "$OPEN_LOOP_RATE" "$OPEN_LOOP_SECONDS" "$token" $paths)
  echo "== open loop, $OPEN_LOOP_RATE searches/s for $OPEN_LOOP_SECONDS s, $1: $sent sent, $errors errors," \
    "p50 $p50 ms, p90 $p90 ms, p99 $p99 ms, max $max ms"
  bench_row "registry search, open loop $OPEN_LOOP_RATE/s, $1, p99" "${p99} ms (p50 $p50, errors $errors)" "-" "-" \
    "p99 <= 20 ms"
done
