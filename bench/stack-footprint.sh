#!/usr/bin/env bash
# Measures the local stack: seconds from './alp up' to "ready", and the resident memory (RSS) of every
# process it starts. With --tests, also times './alp test'. Prints figures; passes or fails on nothing.
# Runs on the standard loopback ports: stop any running './alp up' first. Stops the stack when done.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

if [ "${1:-}" = "--tests" ]; then
  start=$(date +%s.%N)
  ./alp test -q > /tmp/alp-bench-test.log 2>&1 || { echo "tests failed, see /tmp/alp-bench-test.log"; exit 1; }
  awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "test command (./alp test): %.1f s\n", e - s }'
fi

./alp build -q > /tmp/alp-bench-build.log 2>&1
log=$(mktemp)
start=$(date +%s.%N)
./alp up > "$log" 2>&1 &
launcher=$!
trap 'kill $launcher 2>/dev/null || true; wait $launcher 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
  grep -q "ALP platform is ready" "$log" && break
  kill -0 $launcher 2>/dev/null || { cat "$log"; exit 1; }
  sleep 0.2
done
ready=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { print e - s }')
printf 'run command (./alp up) to ready, demo data loaded: %.1f s  (%s)\n' "$ready" \
  "$(grep -o 'started in [0-9.]* s' "$log")"
sleep 5  # let start-up garbage settle before reading memory

# Every process below the launcher, with its RSS.
descendants() { local p; for p in $(ps -o pid= --ppid "$1"); do echo "$p"; descendants "$p"; done; }
printf '\n%-8s %9s  %s\n' PID RSS_MiB PROCESS
total=0
# PostgreSQL is daemonised by pg_ctl: find its postmaster by data directory, then its backends.
postmaster=$(pgrep -f -- "-D $ROOT/.alp-local/run/postgres" | head -1 || true)
for pid in $launcher $(descendants $launcher) ${postmaster:+$postmaster $(descendants "$postmaster")}; do
  rss=$(ps -o rss= -p "$pid" 2>/dev/null | tr -d ' ') || continue
  [ -n "$rss" ] || continue
  args=$(ps -o args= -p "$pid")
  case "$args" in
    *LocalStack*) name="launcher (Stack, embedded PostgreSQL control)";;
    *provider-registry-service*) name="provider-registry-service";;
    *inclusion-panel-service*) name="inclusion-panel-service";;
    *placement-service*) name="placement-service";;
    *finance-service*) name="finance-service";;
    *gateway/target*) name="gateway";;
    *kafka.Kafka*) name="kafka broker";;
    *keycloak*|*kc.sh*) name="keycloak";;
    *postgres*) name="postgresql ${args:0:50}";;
    *) name="${args:0:70}";;
  esac
  total=$((total + rss))
  printf '%-8s %9.1f  %s\n' "$pid" "$(awk -v r="$rss" 'BEGIN { print r / 1024 }')" "$name"
done
printf '%-8s %9.1f  %s\n' "" "$(awk -v r="$total" 'BEGIN { print r / 1024 }')" "total"
