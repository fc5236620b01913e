#!/usr/bin/env bash
# The gateway's own cost (token check + proxy), side by side with its anchor in one sitting: an nginx static origin
# answered through an nginx reverse proxy, then through the gateway (production JVM settings, a real Keycloak
# token), at 64 connections (throughput) and at one (added latency, p50). Prints figures and ratios; passes or
# fails on nothing. JFR=1 records the gateway under load (target/bench/gateway.jfr) and prints its hot methods.
# Starts and stops its own stack on the standard loopback ports (stop any './alp up' first).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
command -v wrk >/dev/null || { apt-get update -q && apt-get install -y -q wrk; }
command -v nginx >/dev/null || { apt-get update -q && apt-get install -y -q nginx-light || apt-get install -y -q nginx; }
DURATION=${DURATION:-15s}
if [ -z "${JAVA_HOME:-}" ]; then JAVA_HOME=$(ls -d /usr/lib/jvm/temurin-25* /usr/lib/jvm/*-2[1-9]-* 2>/dev/null | head -1); fi
ORIGIN=18091
PROXY=18092
GATEWAY=18093

work=$(mktemp -d)
mkdir -p target/bench
cat > "$work/nginx.conf" <<NGINX
worker_processes 1;
error_log $work/error.log;
pid $work/nginx.pid;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work; proxy_temp_path $work; fastcgi_temp_path $work; uwsgi_temp_path $work; scgi_temp_path $work;
  upstream origin { server 127.0.0.1:$ORIGIN; keepalive 64; }
  server {
    listen 127.0.0.1:$ORIGIN;
    location / { default_type application/json; return 200 '{"id":"bench","name":"A static provider"}'; }
  }
  server {
    listen 127.0.0.1:$PROXY;
    location / { proxy_pass http://origin; proxy_http_version 1.1; proxy_set_header Connection ""; }
  }
}
NGINX
gateway_pid=""
stop_gateway_and_nginx() {
  nginx -c "$work/nginx.conf" -s stop 2>/dev/null || true
  if [ -n "$gateway_pid" ]; then kill "$gateway_pid" 2>/dev/null || true; fi
}
BENCH_CLEANUP=stop_gateway_and_nginx
source bench/stack.sh
# As the gateway's container runs it (bench/lib/results.sh), unless GATEWAY_JVM says otherwise.
GATEWAY_JVM=${GATEWAY_JVM:-$BENCH_GATEWAY_JVM}
nginx -c "$work/nginx.conf"

jfr=""
if [ "${JFR:-0}" = 1 ]; then
  jfr="-XX:StartFlightRecording=filename=target/bench/gateway.jfr,settings=profile,delay=20s,duration=${DURATION%s}s"
fi
# shellcheck disable=SC2086 # GATEWAY_JVM holds several options
ALP_HTTP_PORT=$GATEWAY ALP_OIDC_URL=http://127.0.0.1:8180/realms/alp ALP_OIDC_ALLOW_HTTP=true \
  ALP_REGISTRY_URL=http://127.0.0.1:$ORIGIN ALP_PANEL_URL=http://127.0.0.1:$ORIGIN \
  ALP_PLACEMENT_URL=http://127.0.0.1:$ORIGIN ALP_FINANCE_URL=http://127.0.0.1:$ORIGIN \
  ALP_NOTIFICATION_URL=http://127.0.0.1:$ORIGIN \
  "$JAVA_HOME/bin/java" $GATEWAY_JVM $jfr -jar gateway/target/quarkus-app/quarkus-run.jar > target/bench/gateway.log 2>&1 &
gateway_pid=$!
for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$GATEWAY/q/health/ready" >/dev/null && break; sleep 0.2; done

token=$(curl -s -d grant_type=password -d client_id=alp-web -d username=hub.officer -d password=demo \
  http://127.0.0.1:8180/realms/alp/protocol/openid-connect/token | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
path=/api/v1/providers/bench
code=$(curl -s -o /dev/null -w "%{http_code}" -H "Authorization: Bearer $token" "http://127.0.0.1:$GATEWAY$path")
[ "$code" = 200 ] || { echo "the gateway answered $code, not 200" >&2; tail -20 target/bench/gateway.log; exit 1; }

# run URL CONNECTIONS -> "req/s p50_us"
run() {
  wrk -t1 -c"$2" -d"$DURATION" --latency -H "Authorization: Bearer $token" "$1" | awk '
    function us(v) { if (v ~ /us$/) return v + 0; if (v ~ /ms$/) return v * 1000; if (v ~ /s$/) return v * 1000000; return v }
    /Requests\/sec/ { rps = $2 } $1 == "50%" { p50 = us($2) } END { printf "%.0f %.0f\n", rps, p50 }'
}
echo "Warming up (JIT) for 20 s..."
wrk -t1 -c64 -d20s -H "Authorization: Bearer $token" "http://127.0.0.1:$GATEWAY$path" > /dev/null
wrk -t1 -c64 -d5s "http://127.0.0.1:$PROXY$path" > /dev/null
read -r proxy64 _ < <(run "http://127.0.0.1:$PROXY$path" 64)
read -r gateway64 _ < <(run "http://127.0.0.1:$GATEWAY$path" 64)
read -r _ proxy1 < <(run "http://127.0.0.1:$PROXY$path" 1)
read -r _ gateway1 < <(run "http://127.0.0.1:$GATEWAY$path" 1)
rss=$(ps -o rss= -p "$gateway_pid" | awk '{printf "%.0f", $1 / 1024}')
requests=$(curl -s "http://127.0.0.1:$GATEWAY/q/metrics" | awk '/^http_server_requests_seconds_count/ { n += $2 } END { printf "%.0f", n }')
hits=$(curl -s "http://127.0.0.1:$GATEWAY/q/metrics" | awk '/^alp_verified_tokens_hits_total/ { printf "%.0f", $2 }')

printf '\n%-52s %14s %14s %10s\n' "measure (gateway: $GATEWAY_JVM)" "gateway" "nginx proxy" "ratio"
printf '%-52s %10s/s %12s/s %9.2fx\n' "token check + proxy, 64 connections" "$gateway64" "$proxy64" \
  "$(echo "$gateway64 / $proxy64" | bc -l)"
printf '%-52s %11s us %11s us %+8s us\n' "one connection, p50" "$gateway1" "$proxy1" "$((gateway1 - proxy1))"
printf '%-52s %11s MB\n' "gateway RSS after the runs" "$rss"
printf '%-52s %14s\n' "requests answered, tokens taken from the cache" "$requests, ${hits:-0}"
bench_row "gateway: token check + proxy, 64 conn" "$gateway64 req/s" "nginx proxy $proxy64 req/s" \
  "$(ratio "$gateway64" "$proxy64")" ">= 0.6x"
bench_row "gateway: one connection, p50" "$gateway1 us" "nginx proxy $proxy1 us" "+$((gateway1 - proxy1)) us" \
  "<= +150 us"
if [ -n "$jfr" ]; then
  sleep 2
  echo; echo "Hot methods of the gateway under 64 connections (JFR execution samples):"
  "$JAVA_HOME/bin/jfr" view --width 160 hot-methods target/bench/gateway.jfr | head -30 || true
fi
