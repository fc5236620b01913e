#!/usr/bin/env bash
# Every performance measure of the project beside its anchor, in one sitting on one stack, and one table at the end.
# The stack runs with the services' production JVM settings (bench/lib/results.sh); each measure is a script of its
# own (run alone, it starts its own stack) and writes its log to target/bench/all-NAME.log. Measures, in order:
#   gateway                  token check + proxy vs an nginx reverse proxy over the same static origin
#   registry-search          10,000 providers: closed loop (wrk) and open loop at 200 searches/s (p99)
#   provider-read            GET by id, direct and through the gateway, vs pgbench -S
#   decision-to-proposal     panel decision event to placement-proposed event vs a raw Kafka round trip
#   placement-create         POST placement through the gateway vs pgbench TPC-B
#   attendance-ingestion     1,000,000 marks through the API vs COPY of the same rows
#   finance-budget-position  100,000 commitments, 10 officers (p99)
#   startup                  each service alone: seconds to ready and RSS, without and with the JDK's AOT cache
# Takes about 25 minutes. Prints figures and ratios; passes or fails on nothing (a failed measure is a row saying so).
# ONLY="gateway provider-read" runs some. Uses the standard loopback ports (stop any './alp up' first).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
if [ -z "${JAVA_HOME:-}" ]; then JAVA_HOME=$(ls -d /usr/lib/jvm/temurin-25* /usr/lib/jvm/*-2[1-9]-* 2>/dev/null | head -1); fi
export JAVA_HOME
MEASURES=${ONLY:-gateway registry-search provider-read decision-to-proposal placement-create attendance-ingestion \
finance-budget-position startup}
mkdir -p target/bench
export BENCH_RESULTS="$ROOT/target/bench/all-results.tsv"
: > "$BENCH_RESULTS"

echo "Building and starting the stack (production JVM settings)..."
source bench/stack.sh
export BENCH_STACK_RUNNING=1
started=$(date +%s)
for measure in $MEASURES; do
  echo "$(date +%T) $measure..."
  if ! bash "bench/$measure.sh" > "target/bench/all-$measure.log" 2>&1; then
    bench_row "$measure" "FAILED: see target/bench/all-$measure.log" "-" "-" "-"
  fi
done

echo
echo "ALP performance, one sitting, $(date -u +%FT%TZ), $(nproc) cores, $(free -g | awk '/^Mem/ {print $2}') GiB;" \
  "services: $BENCH_SERVICE_JVM; $("$JAVA_HOME/bin/java" -version 2>&1 | head -1); $(( ($(date +%s) - started) / 60 )) min"
{
  printf 'measure\tproject\tanchor (same run)\tratio\taim\n'
  cat "$BENCH_RESULTS"
} | column -t -s $'\t'
