# Sourced by the benchmark scripts: one row of bench/all.sh's table, appended to $BENCH_RESULTS when the harness
# collects them (a script run alone prints its own figures and writes no row).
# bench_row MEASURE PROJECT ANCHOR RATIO AIM
bench_row() {
  [ -n "${BENCH_RESULTS:-}" ] && printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$5" >> "$BENCH_RESULTS"
  return 0
}
# ratio A B -> A / B with two decimals and an x
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2fx", a / b; else print "-" }'; }
# The production JVM settings of a service's container (deploy/kubernetes: 512 MiB limit, 2 CPUs): serial GC,
# heap 75 % of the limit, full tiered JIT.
BENCH_SERVICE_JVM="-XX:+UseSerialGC -Xmx384m -XX:+ExitOnOutOfMemoryError"
