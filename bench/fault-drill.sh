#!/usr/bin/env bash
# The fault drill: the whole stack on loopback (its own free ports), 500 placements made through the gateway while the
# Kafka broker is killed (SIGKILL) and restarted and finance is killed and restarted; then it counts commitments
# (each placement exactly once) and parked events (none), and prints its figures. Bounded: it gives up after five
# minutes of waiting, and the stack stops at the end. ALP_DRILL_PLACEMENTS changes the count.
set -euo pipefail
cd "$(dirname "$0")/.."
./alp build -q > /tmp/alp-drill-build.log 2>&1 || { cat /tmp/alp-drill-build.log; exit 1; }
./alp test -q -pl e2e -Dtest=FaultDrillTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dalp.faultDrill=true -Dalp.faultDrill.placements="${ALP_DRILL_PLACEMENTS:-500}" > /tmp/alp-drill.log 2>&1 \
  && status=0 || status=$?
grep -E "^fault drill|^  commitments|Tests run|expected" /tmp/alp-drill.log || true
echo "full log: /tmp/alp-drill.log (exit $status)"
exit $status
