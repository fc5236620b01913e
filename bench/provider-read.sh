#!/usr/bin/env bash
# GET a provider by id at 32 connections, direct to the registry and through the gateway, beside its anchor in the
# same sitting: pgbench's select-only script (-S: one primary-key read per transaction) at 32 clients on the same
# PostgreSQL. Prints figures and ratios; passes or fails on nothing. Starts and stops its own stack on the standard
# loopback ports (stop any './alp up' first), unless bench/all.sh runs it.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
command -v wrk >/dev/null || { apt-get update -q && apt-get install -y -q wrk; }
command -v pgbench >/dev/null || { apt-get update -q && apt-get install -y -q postgresql-client; }
DURATION=${DURATION:-15}
CONNECTIONS=${CONNECTIONS:-32}
export PGPASSWORD=postgres
PG=(-h 127.0.0.1 -p 15432 -U postgres)

source bench/stack.sh

provider=$(psql -At "${PG[@]}" -d alp_registry -c "select id from provider where framework_status = 'APPROVED' order by name limit 1")
token=$(curl -s -d grant_type=password -d client_id=alp-web -d username=hub.officer -d password=demo \
  http://127.0.0.1:8180/realms/alp/protocol/openid-connect/token | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
path="/api/v1/providers/$provider"
code=$(curl -s -o /dev/null -w "%{http_code}" -H "Authorization: Bearer $token" "http://127.0.0.1:8081$path")
[ "$code" = 200 ] || { echo "GET $path answered $code" >&2; exit 1; }

# wrk BASE -> requests per second
rate() {
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" -H "Authorization: Bearer $token" "$1$path" \
    | awk '/Requests\/sec/ { printf "%.0f", $2 }'
}
echo "Warming up (JIT, pools) for 15 s each..."
wrk -t2 -c"$CONNECTIONS" -d15s -H "Authorization: Bearer $token" "http://127.0.0.1:8081$path" > /dev/null
wrk -t2 -c"$CONNECTIONS" -d15s -H "Authorization: Bearer $token" "http://127.0.0.1:8080$path" > /dev/null
direct=$(rate http://127.0.0.1:8081)
gateway=$(rate http://127.0.0.1:8080)

anchor=$(bench_pgbench "$CONNECTIONS" "$DURATION" -S)

printf '%-44s %10s/s\n' "GET provider by id, direct" "$direct" "GET provider by id, gateway" "$gateway" \
  "pgbench -S (select by key)" "$anchor"
printf 'ratios: direct %s, gateway %s of pgbench -S\n' "$(ratio "$direct" "$anchor")" "$(ratio "$gateway" "$anchor")"
bench_row "GET provider by id, $CONNECTIONS conn, direct" "$direct req/s" "pgbench -S $anchor tps" \
  "$(ratio "$direct" "$anchor")" ">= 0.1x"
bench_row "GET provider by id, $CONNECTIONS conn, gateway" "$gateway req/s" "pgbench -S $anchor tps" \
  "$(ratio "$gateway" "$anchor")" ">= 0.1x"
