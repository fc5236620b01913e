# Sourced by benchmark scripts: creating placements through the gateway at load, one new pupil's placement per
# request (so each is written, announced through the outbox and committed by finance). Needs wrk and psql.
# bench_pupils DIR N       inserts N pupils at school 100001 (bulk SQL) and writes their ids to DIR/pupils
# bench_provider           prints an approved, compliant provider known to the placement service
# bench_token USER         prints a token for a demo user
# bench_create DIR CONNECTIONS DURATION [OFFSET]   runs wrk (2 threads) against POST /api/v1/placements from the
#                          OFFSET-th pupil on (so runs in one sitting use different pupils); prints wrk's report
bench_psql() { PGPASSWORD=postgres psql -q -At -h 127.0.0.1 -p 15432 -U postgres "$@"; }

bench_token() {
  curl -s -d grant_type=password -d client_id=alp-web -d username="$1" -d password=demo \
    http://127.0.0.1:8180/realms/alp/protocol/openid-connect/token | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}

bench_provider() {
  local provider=""
  for _ in $(seq 1 100); do
    provider=$(bench_psql -d alp_placement -c "select provider_id from provider_view
      where framework_status = 'APPROVED' and compliant limit 1")
    [ -n "$provider" ] && break
    sleep 0.2
  done
  echo "$provider"
}

bench_pupils() {
  bench_psql -d alp_placement -v ON_ERROR_STOP=1 -c "insert into pupil (id, upn, first_name, last_name,
      date_of_birth, school_urn, sen_provision, created_at)
    select gen_random_uuid(), 'C' || lpad(g::text, 12, '0'), 'Bench', 'Creates', date '2012-01-01' + g % 700,
      '100001', 'N', now() from generate_series(1, $2) g" >/dev/null
  bench_psql -d alp_placement -c "select id from pupil where last_name = 'Creates' order by upn" > "$1/pupils"
cat > "$1/create.lua" <<'LUA'
-- Each thread walks its own share of the pupils: one new placement per request.
local counter = 0
local threads = {}
function setup(thread)
  thread:set("tid", counter)
  counter = counter + 1
  table.insert(threads, thread)
end
function init(args)
  ids = {}
  for line in io.lines(os.getenv("PUPIL_FILE")) do table.insert(ids, line) end
  next_index = tonumber(os.getenv("OFFSET") or "0") + tid + 1
  step = tonumber(os.getenv("THREADS"))
  wrk.method = "POST"
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
  wrk.headers["Content-Type"] = "application/json"
end
function request()
  local pupil = ids[next_index]
  next_index = next_index + step
  local body = '{"pupilId":"' .. pupil .. '","providerId":"' .. os.getenv("PROVIDER") .. '",' ..
    '"reasonCode":"SEMH_NEEDS","reason":"Part-time SEMH provision",' ..
    '"timetable":[{"day":"TUESDAY","start":"09:00","end":"14:00"},{"day":"THURSDAY","start":"09:00","end":"14:00"}],' ..
    '"startDate":"' .. os.getenv("START") .. '","plannedEndDate":"' .. os.getenv("END") .. '"}'
  return wrk.format(nil, "/api/v1/placements", nil, body)
end
LUA
}

bench_create() {
  TOKEN=$(bench_token school.a) PROVIDER=$(bench_provider) PUPIL_FILE="$1/pupils" THREADS=2 OFFSET=${4:-0} \
    START=$(date -d '+7 days' +%F) END=$(date -d '+90 days' +%F) \
    wrk -t2 -c"$2" -d"$3" --latency -s "$1/create.lua" http://127.0.0.1:8080
}
