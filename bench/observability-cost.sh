#!/usr/bin/env bash
# The cost of tracing and metrics (issue 16), measured in one sitting on two paths:
#   GET provider by id, direct to the registry (32 connections), and
#   create placement through the gateway (8 connections; each request a new pupil's placement, so every one is
#   written, announced through the outbox and committed by finance),
# for three builds/settings: BASE (the last commit before tracing and metrics, built in a git worktree), this
# build with tracing and metrics, and this build with tracing turned off at run time (metrics stay: Micrometer is
# fixed at build time). Spans are exported to a local OTLP sink (a Python one-liner that answers 200), as to a
# collector. Services run with production JVM settings (full tiered JIT, bench/stack.sh). Prints figures and
# ratios; passes or fails on nothing. Uses the standard loopback ports (stop any './alp up' first).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
command -v wrk >/dev/null || { apt-get update -q && apt-get install -y -q wrk; }
command -v psql >/dev/null || { apt-get update -q && apt-get install -y -q postgresql-client; }
BASE=${BASE:-d67abb3}
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-10s}
PUPILS=${PUPILS:-40000}
work=$(mktemp -d)
baseline="$work/baseline"
git worktree add -q --detach "$baseline" "$BASE"
sink_pid=
cleanup() {
  [ -n "$sink_pid" ] && kill "$sink_pid" 2>/dev/null || true
  git worktree remove --force "$baseline" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# An OTLP/HTTP sink on 127.0.0.1:4318: takes every export and answers 200, as a collector would.
python3 - <<'PY' &
import http.server
class Sink(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.send_response(200); self.send_header("Content-Length", "0"); self.end_headers()
    def log_message(self, *args): pass
http.server.ThreadingHTTPServer(("127.0.0.1", 4318), Sink).serve_forever()
PY
sink_pid=$!

cat > "$work/get.lua" <<'LUA'
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
LUA

results="$work/results"
: > "$results"

# measure LABEL DIR [VAR=VALUE...]: starts that tree's stack with the variables, loads pupils, runs both loads.
measure() {
  local label=$1 dir=$2
  shift 2
  echo "== $label: starting the stack ($dir)"
  (
    cd "$dir"
    export ALP_OTLP_ENDPOINT=http://127.0.0.1:4318 "$@"
    source bench/stack.sh
    source "$ROOT/bench/lib/placements.sh"
    token=$(bench_token school.a)
    provider=$(bench_provider)
    bench_pupils "$work" "$PUPILS"
    local get_path="/api/v1/providers/$provider"
    TOKEN=$token wrk -t2 -c32 -d"$WARMUP" -s "$work/get.lua" "http://127.0.0.1:8081$get_path" >/dev/null
    local get create created committed
    get=$(TOKEN=$token wrk -t2 -c32 -d"$DURATION" --latency -s "$work/get.lua" "http://127.0.0.1:8081$get_path")
    create=$(bench_create "$work" 8 "$DURATION")
    created=$(bench_psql -d alp_placement -c "select count(*) from placement where pupil_id in
      (select id from pupil where first_name = 'Bench')")
    for _ in $(seq 1 150); do
      committed=$(bench_psql -d alp_finance -c "select count(*) from commitment")
      [ "$committed" -ge "$created" ] && break
      sleep 0.2
    done
    rate() { echo "$1" | awk '/Requests\/sec/ {print $2}'; }
    p50() { echo "$1" | awk '$1 == "50%" {print $2}'; }
    p99() { echo "$1" | awk '$1 == "99%" {print $2}'; }
    non2xx() { echo "$1" | awk '/Non-2xx/ {print $5}'; }
    echo "$label|$(rate "$get")|$(p50 "$get")|$(p99 "$get")|$(rate "$create")|$(p50 "$create")|$(p99 "$create")|$(non2xx "$create")|$created|$committed" >> "$results"
    echo "$get" | sed -n '1,12p'
    echo "$create" | sed -n '1,12p'
  )
}

measure "without (BASE $BASE)" "$baseline"
measure "tracing + metrics" "$ROOT"
measure "metrics, tracing off" "$ROOT" ALP_TRACING_DISABLED=true

echo
echo "GET provider by id (direct, 32 conn) and create placement (gateway, 8 conn), $DURATION each, same sitting:"
printf "%-28s %10s %9s %9s %10s %9s %9s %8s %8s %10s\n" build "GET req/s" p50 p99 "POST req/s" p50 p99 non-2xx created committed
IFS='|' read -r _ base_get _ _ base_post _ _ _ _ _ < <(head -1 "$results")
while IFS='|' read -r label get gp50 gp99 post pp50 pp99 bad created committed; do
  printf "%-28s %10s %9s %9s %10s %9s %9s %8s %8s %10s\n" "$label" "$get" "$gp50" "$gp99" "$post" "$pp50" "$pp99" "${bad:-0}" "$created" "$committed"
done < "$results"
echo
echo "Ratios to the build without tracing and metrics (1.00 = no cost):"
tail -n +2 "$results" | while IFS='|' read -r label get _ _ post _ _ _ _ _; do
  awk -v l="$label" -v g="$get" -v bg="$base_get" -v p="$post" -v bp="$base_post" \
    'BEGIN { printf "  %-26s GET by id %.2fx   create placement %.2fx\n", l, g / bg, p / bp }'
done
