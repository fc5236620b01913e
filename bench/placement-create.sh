#!/usr/bin/env bash
# Creating placements through the gateway (one new pupil's placement per request: validated, written, audited and
# announced through the outbox) at 16 connections, beside its anchor in the same sitting: pgbench's TPC-B-like
# script (five statements in one read-write transaction) at 16 clients on the same PostgreSQL. Prints figures and
# the ratio; passes or fails on nothing. Starts and stops its own stack on the standard loopback ports (stop any
# './alp up' first), unless bench/all.sh runs it.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
command -v wrk >/dev/null || { apt-get update -q && apt-get install -y -q wrk; }
command -v pgbench >/dev/null || { apt-get update -q && apt-get install -y -q postgresql-client; }
DURATION=${DURATION:-15}
CONNECTIONS=16
export PGPASSWORD=postgres
work=$(mktemp -d)
BENCH_CLEANUP="rm -rf $work"

source bench/stack.sh
source bench/lib/placements.sh

bench_pupils "$work" 40000
echo "Warming up (JIT, pools) for 15 s..."
bench_create "$work" "$CONNECTIONS" 15s > /dev/null
report=$(bench_create "$work" "$CONNECTIONS" "${DURATION}s" 20000)
created=$(echo "$report" | awk '/Requests\/sec/ { printf "%.0f", $2 }')
p99=$(echo "$report" | awk '$1 == "99%" { print $2 }')
bad=$(echo "$report" | awk '/Non-2xx/ { print $5 }')

anchor=$(bench_pgbench "$CONNECTIONS" "$DURATION")

printf '%-44s %10s/s (p99 %s, non-2xx %s)\n' "create placement, gateway" "$created" "$p99" "${bad:-0}"
printf '%-44s %10s/s\n' "pgbench TPC-B-like" "$anchor"
printf 'ratio: %s\n' "$(ratio "$created" "$anchor")"
bench_row "create placement, $CONNECTIONS conn, gateway" "$created req/s (non-2xx ${bad:-0})" \
  "pgbench TPC-B $anchor tps" "$(ratio "$created" "$anchor")" ">= 0.3x"
