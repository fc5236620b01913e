#!/usr/bin/env bash
# The fault drill: the whole stack on loopback (its own free ports), placements made through the gateway while things
# crash; then it counts commitments (each placement exactly once) and parked events (none), and prints its figures.
# Default: 500 placements, one instance of each service and one broker; the broker is killed (SIGKILL) and restarted,
# then finance. --scaled: 1,000 placements, two instances of each service behind the gateway and three brokers; one
# broker is killed and restarted, then one instance of every service, then finance's database is cut for 10 s.
# Bounded: it gives up after five minutes of waiting, and the stack stops at the end. ALP_DRILL_PLACEMENTS changes
# the count.
set -euo pipefail
cd "$(dirname "$0")/.."
./alp build -q > /tmp/alp-drill-build.log 2>&1 || { cat /tmp/alp-drill-build.log; exit 1; }
replicas=1 brokers=1 placements=${ALP_DRILL_PLACEMENTS:-500}
if [ "${1:-}" = "--scaled" ]; then
  replicas=2 brokers=3 placements=${ALP_DRILL_PLACEMENTS:-1000}
fi
./alp test -q -pl e2e -Dtest=FaultDrillTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dalp.faultDrill=true -Dalp.faultDrill.placements="$placements" \
  -Dalp.faultDrill.replicas=$replicas -Dalp.faultDrill.brokers=$brokers > /tmp/alp-drill.log 2>&1 \
  && status=0 || status=$?
grep -E "^fault drill|^  commitments|Tests run|expected" /tmp/alp-drill.log || true
echo "full log: /tmp/alp-drill.log (exit $status)"
exit $status
