# Sourced by the benchmark scripts: builds the project and starts the whole stack on the standard loopback ports
# with the services' production JVM settings (serial GC, 384 MB heap, full tiered JIT; ./alp up and the tests use
# C1 only, to start fast). ALP_UP_ARGS is passed to ./alp up (e.g. --replicas 2). The stack stops when the script
# exits; BENCH_CLEANUP, if set, runs then too. Under bench/all.sh the stack is already up: only the cleanup is set.
source "$(dirname "${BASH_SOURCE[0]}")/lib/results.sh"
if [ -n "${BENCH_STACK_RUNNING:-}" ]; then
  trap '${BENCH_CLEANUP:-true}' EXIT
  return 0
fi
./alp build -q > /tmp/alp-bench-build.log 2>&1
bench_log=$(mktemp)
# shellcheck disable=SC2086 # ALP_UP_ARGS holds options such as --replicas 2
ALP_SERVICE_JVM_OPTS=${ALP_SERVICE_JVM_OPTS:-$BENCH_SERVICE_JVM} ./alp up ${ALP_UP_ARGS:-} > "$bench_log" 2>&1 &
bench_launcher=$!
trap 'kill $bench_launcher 2>/dev/null || true; wait $bench_launcher 2>/dev/null || true; ${BENCH_CLEANUP:-true}' EXIT
for _ in $(seq 1 600); do
  grep -q "ALP platform is ready" "$bench_log" && break
  kill -0 $bench_launcher 2>/dev/null || { cat "$bench_log"; exit 1; }
  sleep 0.2
done
