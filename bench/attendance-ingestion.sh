#!/usr/bin/env bash
# Attendance ingestion: 1,000,000 session marks sent through the API as 1,000 batches of 1,000 (4 at a time), as
# providers would, against a raw PostgreSQL COPY of the same rows on the same machine in the same run. Prints the
# two rates and their ratio; passes or fails on nothing. Starts and stops its own stack on the standard loopback
# ports (stop any './alp up' first). Pupils and placements are bulk-loaded with SQL (the API path is exercised by
# the tests).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
command -v psql >/dev/null || { apt-get update -q && apt-get install -y -q postgresql-client; }
command -v bc >/dev/null || { apt-get update -q && apt-get install -y -q bc; }
PLACEMENTS=${PLACEMENTS:-2000}   # x 250 school days x 2 sessions = 1,000,000 marks
PARALLEL=${PARALLEL:-4}
work=$(mktemp -d)
export PGPASSWORD=postgres
psql_placement() { psql -q -At -h 127.0.0.1 -p 15432 -U postgres -d alp_placement -v ON_ERROR_STOP=1 "$@"; }

BENCH_CLEANUP="rm -rf $work"
source bench/stack.sh

echo "Loading a provider, $PLACEMENTS pupils and $PLACEMENTS confirmed placements..."
psql_placement -v n="$PLACEMENTS" <<'SQL'
INSERT INTO provider_view (provider_id, name, framework_status, registration_status, compliant, compliant_until, as_of)
VALUES ('00000000-0000-4000-8000-00000000b001', 'Bench provider', 'APPROVED', 'REGISTERED_INDEPENDENT_SCHOOL', true,
        DATE '2027-12-31', now());
INSERT INTO pupil (id, upn, first_name, last_name, date_of_birth, school_urn, sen_provision, created_at)
SELECT ('00000000-0000-4000-8000-' || lpad(g::text, 12, '0'))::uuid, 'B' || lpad(g::text, 12, '0'), 'Bench', 'Pupil',
       DATE '2012-01-01', '100001', 'K', now()
FROM generate_series(1, :n) g;
INSERT INTO placement (id, pupil_id, school_urn, provider_id, commissioner, route, status, reason, timetable,
    hours_per_week, start_date, planned_end_date, created_by, created_at)
SELECT ('00000000-0000-4000-9000-' || lpad(g::text, 12, '0'))::uuid,
       ('00000000-0000-4000-8000-' || lpad(g::text, 12, '0'))::uuid, '100001',
       '00000000-0000-4000-8000-00000000b001', 'SCHOOL', 'SCHOOL_PART_TIME', 'CONFIRMED', 'bench',
       '{"sessions": []}', 10, DATE '2025-09-01', DATE '2026-08-31', 'bench', now()
FROM generate_series(1, :n) g;
SQL

echo "Writing 1,000 batches of 1,000 marks, and the same rows as CSV for COPY..."
python3 - "$work" "$PLACEMENTS" <<'PY'
import datetime, json, os, sys, uuid
work, n = sys.argv[1], int(sys.argv[2])
days = []
d = datetime.date(2025, 9, 1)
while len(days) < 250:
    if d.weekday() < 5:
        days.append(d.isoformat())
    d += datetime.timedelta(days=1)
codes = ['/', '\\', '/', '\\', '/', '\\', '/', 'I', '/', '\\', 'L', '\\', '/', 'O', '/', '\\']
marks = []
with open(os.path.join(work, 'marks.csv'), 'w') as csv:
    for p in range(1, n + 1):
        placement = '00000000-0000-4000-9000-%012d' % p
        for i, day in enumerate(days):
            for s, session in enumerate(('AM', 'PM')):
                code = codes[(p + 2 * i + s) % len(codes)]
                marks.append({'placementId': placement, 'date': day, 'session': session, 'code': code})
                csv.write('%s,%s,%s,"%s",%s,2026-01-01T00:00:00Z\n' % (placement, day, session,
                          code.replace('"', '""'), '00000000-0000-4000-a000-000000000000'))
for b in range(0, len(marks), 1000):
    with open(os.path.join(work, 'batch-%04d.json' % (b // 1000)), 'w') as f:
        json.dump({'batchId': str(uuid.uuid4()), 'marks': marks[b:b + 1000]}, f)
print(len(marks), 'marks in', (len(marks) + 999) // 1000, 'batches')
PY

token=$(curl -s -d grant_type=password -d client_id=alp-web -d username=hub.officer -d password=demo \
  http://127.0.0.1:8180/realms/alp/protocol/openid-connect/token | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
export token
# Warm-up on a small, separate placement set would change the data; the first batches warm the JIT instead.
start=$(date +%s.%N)
ls "$work"/batch-*.json | xargs -P "$PARALLEL" -I{} sh -c \
  'code=$(curl -s -o /dev/null -w "%{http_code}" -H "Authorization: Bearer $token" -H "Content-Type: application/json" \
     --data-binary @{} http://127.0.0.1:8083/api/v1/placements/attendance-batches); \
   [ "$code" = 201 ] || echo "batch {} answered $code" >&2'
end=$(date +%s.%N)
stored=$(psql_placement -c "select count(*) from attendance_mark")
api_seconds=$(echo "$end - $start" | bc -l)

psql_placement -c "CREATE TABLE attendance_copy (LIKE attendance_mark INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES)"
copy_start=$(date +%s.%N)
psql_placement -c "\\copy attendance_copy (placement_id, session_date, session, code, batch_id, recorded_at) FROM '$work/marks.csv' WITH (FORMAT csv)"
copy_end=$(date +%s.%N)
copied=$(psql_placement -c "select count(*) from attendance_copy")
copy_seconds=$(echo "$copy_end - $copy_start" | bc -l)

printf "API ingestion: %s marks stored in %.1f s = %.0f marks/s (%s batches of 1,000, %s at a time)\n" \
  "$stored" "$api_seconds" "$(echo "$stored / $api_seconds" | bc -l)" "$(ls "$work"/batch-*.json | wc -l)" "$PARALLEL"
printf "COPY:          %s rows in %.1f s = %.0f rows/s (same columns, same primary key)\n" \
  "$copied" "$copy_seconds" "$(echo "$copied / $copy_seconds" | bc -l)"
printf "ratio API / COPY: %.2f\n" "$(echo "($stored / $api_seconds) / ($copied / $copy_seconds)" | bc -l)"
api_rate=$(echo "$stored / $api_seconds" | bc -l)
copy_rate=$(echo "$copied / $copy_seconds" | bc -l)
bench_row "attendance ingestion, $stored marks" "$(printf '%.0f' "$api_rate") marks/s" \
  "COPY $(printf '%.0f' "$copy_rate") rows/s" "$(ratio "$api_rate" "$copy_rate")" ">= 0.3x"
