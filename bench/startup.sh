#!/usr/bin/env bash
# Each service started alone, as its container would start it (production JVM settings, bench/lib/results.sh: sized
# as under the manifest's memory limit, serial GC, full JIT), beside a running stack that gives it PostgreSQL, Kafka
# and Keycloak: seconds to its first ready answer (/q/health/ready) and its RSS once ready; then the same with the
# JDK's ahead-of-time cache (JDK 24+: -XX:AOTCacheOutput on a training start, -XX:AOTCache after), side by side.
# Prints figures; passes or fails on nothing. Starts and stops its own stack on the standard loopback ports (stop
# any './alp up' first).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
if [ -z "${JAVA_HOME:-}" ]; then JAVA_HOME=$(ls -d /usr/lib/jvm/temurin-25* /usr/lib/jvm/*-2[1-9]-* 2>/dev/null | head -1); fi
PORT=18200
mkdir -p target/bench/aot
pid=""
stop_service() { if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=""; fi; }
BENCH_CLEANUP=stop_service
source bench/stack.sh
SERVICE_JVM=$BENCH_SERVICE_JVM GATEWAY_JVM=$BENCH_GATEWAY_JVM   # bench/lib/results.sh: as the containers run them

common=(ALP_KAFKA=127.0.0.1:19092 ALP_OIDC_URL=http://127.0.0.1:8180/realms/alp ALP_OIDC_ALLOW_HTTP=true
        ALP_DB_USER=postgres ALP_DB_PASSWORD=postgres ALP_HTTP_PORT=$PORT)
# name module database extra-environment...
services=(
  "registry provider-registry-service alp_registry"
  "panel inclusion-panel-service alp_panel"
  "placement placement-service alp_placement"
  "finance finance-service alp_finance"
  "notification notification-service alp_notification ALP_SMTP_HOST=127.0.0.1 ALP_SMTP_PORT=2525 ALP_SMTP_START_TLS=DISABLED"
  "gateway gateway -"
)

# start NAME MODULE DATABASE JVM_OPTIONS EXTRA... -> "seconds rss_mb"; the process is left running in $pid (call it
# in this shell, not in a command substitution, so $pid is set here)
start() {
  local name=$1 module=$2 database=$3 jvm=$4; shift 4
  local env=("${common[@]}" "$@")
  [ "$database" != - ] && env+=(ALP_DB_URL=jdbc:postgresql://127.0.0.1:15432/$database)
  local t0; t0=$(date +%s.%N)
  # shellcheck disable=SC2086 # jvm holds several options
  env "${env[@]}" "$JAVA_HOME/bin/java" $jvm -jar "$module/target/quarkus-app/quarkus-run.jar" \
    > "target/bench/startup-$name.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 1500); do
    curl -sf -o /dev/null "http://127.0.0.1:$PORT/q/health/ready" && break
    kill -0 "$pid" 2>/dev/null || { echo "$name did not start: target/bench/startup-$name.log" >&2; tail -5 "target/bench/startup-$name.log" >&2; exit 1; }
    sleep 0.02
  done
  local ready; ready=$(awk -v s="$t0" -v e="$(date +%s.%N)" 'BEGIN { printf "%.2f", e - s }')
  sleep 2
  echo "$ready $(ps -o rss= -p "$pid" | awk '{printf "%.0f", $1 / 1024}')"
}

printf '\n%-14s %10s %10s %8s %10s %10s   %s\n' service ready_s "ready_AOT" ratio RSS_MB "RSS_AOT" "aim: <= 2 s, <= 250 MB"
for entry in "${services[@]}"; do
  # shellcheck disable=SC2086 # entry is space-separated on purpose
  set -- $entry
  name=$1 module=$2 database=$3; shift 3
  jvm=$SERVICE_JVM; [ "$name" = gateway ] && jvm=$GATEWAY_JVM
  aot="target/bench/aot/$name.aot"
  start "$name" "$module" "$database" "$jvm" "$@" > target/bench/startup.result
  read -r plain plain_rss < target/bench/startup.result
  stop_service
  rm -f "$aot"
  # Training start: the JVM writes the cache of what it loaded and linked when it exits.
  start "$name" "$module" "$database" "$jvm -XX:AOTCacheOutput=$aot" "$@" > /dev/null
  curl -s -o /dev/null "http://127.0.0.1:$PORT/q/openapi" || true
  stop_service
  if [ -f "$aot" ]; then
    start "$name" "$module" "$database" "$jvm -XX:AOTCache=$aot" "$@" > target/bench/startup.result
    read -r cached cached_rss < target/bench/startup.result
    stop_service
  else
    cached=- cached_rss=-
  fi
  ratio=$( [ "$cached" != - ] && awk -v a="$cached" -v b="$plain" 'BEGIN { printf "%.2fx", a / b }' || echo -)
  printf '%-14s %10s %10s %8s %10s %10s\n' "$name" "$plain" "$cached" "$ratio" "$plain_rss" "$cached_rss"
  bench_row "start-up alone: $name" "${plain} s, ${plain_rss} MB" "AOT cache: ${cached} s, ${cached_rss} MB" "$ratio" \
    "<= 2 s, <= 250 MB"
done
echo
echo "JVM: $("$JAVA_HOME/bin/java" -version 2>&1 | head -1); services: $SERVICE_JVM; gateway: $GATEWAY_JVM"
