#!/usr/bin/env bash
# Placement creation through the gateway with 1 and then 2 instances of every service (./alp up --replicas N), in one
# sitting: rate and latency (wrk, 16 connections, DURATION after a WARMUP), and how the gateway spread the requests
# over the placement instances (its per-instance counters). Services run with production JVM settings. On two cores
# a second instance adds no CPU, so expect no gain; the figures show what it costs and that the load is shared.
# Prints figures; passes or fails on nothing. Uses the standard loopback ports (stop any './alp up' first).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
command -v wrk >/dev/null || { apt-get update -q && apt-get install -y -q wrk; }
command -v psql >/dev/null || { apt-get update -q && apt-get install -y -q postgresql-client; }
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-10s}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
results="$work/results"
: > "$results"

for replicas in 1 2; do
  echo "== $replicas instance(s) of each service"
  (
    export ALP_UP_ARGS="--replicas $replicas"
    source bench/stack.sh
    source bench/lib/placements.sh
    bench_pupils "$work" 60000
    bench_create "$work" 16 "$WARMUP" > /dev/null
    before=$(curl -s http://127.0.0.1:8080/q/metrics)
    report=$(bench_create "$work" 16 "$DURATION" 20000)
    after=$(curl -s http://127.0.0.1:8080/q/metrics)
    echo "$report" | sed -n '1,12p'
    # Requests each placement instance answered during the measured run (gateway counters, after - before).
    spread=$(python3 - "$before" "$after" <<'PY'
import re, sys
def counts(text):
    out = {}
    for m in re.finditer(r'^alp_gateway_upstream_requests_seconds_count\{([^}]*)\} (\S+)', text, re.M):
        labels = dict(re.findall(r'(\w+)="([^"]*)"', m.group(1)))
        if labels.get("upstream") == "placement":
            out[labels["instance"]] = out.get(labels["instance"], 0) + float(m.group(2))
    return out
b, a = counts(sys.argv[1]), counts(sys.argv[2])
print(" ".join(f"{i.split(':')[1]}={int(a[i] - b.get(i, 0))}" for i in sorted(a)))
PY
)
    rate=$(echo "$report" | awk '/Requests\/sec/ {print $2}')
    p50=$(echo "$report" | awk '$1 == "50%" {print $2}')
    p99=$(echo "$report" | awk '$1 == "99%" {print $2}')
    bad=$(echo "$report" | awk '/Non-2xx/ {print $5}')
    echo "$replicas|$rate|$p50|$p99|${bad:-0}|$spread" >> "$results"
  )
done

echo
echo "Create placement through the gateway, 16 connections, $DURATION, production JVM settings, same sitting:"
printf "%-10s %10s %10s %10s %8s  %s\n" instances "req/s" p50 p99 non-2xx "requests per placement instance (port=count)"
while IFS='|' read -r n rate p50 p99 bad spread; do
  printf "%-10s %10s %10s %10s %8s  %s\n" "$n" "$rate" "$p50" "$p99" "$bad" "$spread"
done < "$results"
