#!/usr/bin/env bash
# Decision-to-proposal propagation, one decision at a time: from an approve-placement decision on alp.panel.v1 (as the
# panel's relay publishes it) to the placement service's placement-proposed event for it on alp.placements.v1, beside
# its anchor in the same sitting: a raw Kafka produce-and-consume of one record (bench/lib/DecisionToProposal.java).
# Prints p50/p99 and ratios; passes or fails on nothing. Starts and stops its own stack on the standard loopback
# ports (stop any './alp up' first), unless bench/all.sh runs it.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
COUNT=${COUNT:-300}
if [ -z "${JAVA_HOME:-}" ]; then JAVA_HOME=$(ls -d /usr/lib/jvm/temurin-25* /usr/lib/jvm/*-2[1-9]-* 2>/dev/null | head -1); fi

source bench/stack.sh
source bench/lib/placements.sh

provider=$(bench_provider)
out=$("$JAVA_HOME/bin/java" \
  -cp "platform/target/classes:$(cat testing/target/stack.classpath)" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  bench/lib/DecisionToProposal.java 127.0.0.1:19092 "$provider" "$COUNT" 2>/dev/null)
echo "$out" | grep '^where:' || true
read -r anchor50 anchor99 project50 project99 <<< "$(echo "$out" | tail -1)"
printf '%-52s p50 %8s ms  p99 %8s ms\n' "decision event to proposal event ($COUNT)" "$project50" "$project99" \
  "raw Kafka produce + consume ($COUNT)" "$anchor50" "$anchor99"
bench_row "decision to proposal, one at a time, p99" "$project99 ms (p50 $project50)" \
  "raw Kafka round trip p99 $anchor99 ms" "$(ratio "$project99" "$anchor99")" "p99 <= 50 ms"
