# Sourced by the benchmark scripts: one row of bench/all.sh's table, appended to $BENCH_RESULTS when the harness
# collects them (a script run alone prints its own figures and writes no row).
# bench_row MEASURE PROJECT ANCHOR RATIO AIM
bench_row() {
  [ -n "${BENCH_RESULTS:-}" ] && printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$5" >> "$BENCH_RESULTS"
  return 0
}
# ratio A B -> A / B with two decimals and an x
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2fx", a / b; else print "-" }'; }
# The JVM as a service's container runs it (deploy/kubernetes: memory limit 512 MiB, the gateway's 384 MiB;
# JDK_JAVA_OPTIONS -XX:MaxRAMPercentage=60): -XX:MaxRAM makes the JVM size itself as it would under that limit (heap
# at most 60 % of it, initial heap 1/64 of it; on this host's 24 GiB the initial heap alone would be 384 MB and
# inflate RSS), serial GC (the JVM's own choice in a container under 1,792 MB), full tiered JIT.
BENCH_SERVICE_JVM="-XX:MaxRAM=512m -XX:MaxRAMPercentage=60 -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError"
BENCH_GATEWAY_JVM="-XX:MaxRAM=384m -XX:MaxRAMPercentage=60 -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError"
# bench_pgbench CLIENTS SECONDS [pgbench options] -> transactions per second of pgbench (scale 10, 2 threads, after a
# 5 s warm-up) on a database of its own on the stack's PostgreSQL, dropped afterwards: the anchor of a database-bound
# measure, in the same sitting. No options: the TPC-B-like script; -S: select by key only.
bench_pgbench() {
  local clients=$1 seconds=$2; shift 2
  local pg=(-h 127.0.0.1 -p 15432 -U postgres) tps
  PGPASSWORD=postgres psql -q "${pg[@]}" -d postgres -c "drop database if exists bench_pgbench" \
    -c "create database bench_pgbench" 2>/dev/null
  PGPASSWORD=postgres pgbench -q -i -s 10 "${pg[@]}" bench_pgbench > /dev/null 2>&1
  PGPASSWORD=postgres pgbench "$@" -c "$clients" -j 2 -T 5 "${pg[@]}" bench_pgbench > /dev/null 2>&1
  tps=$(PGPASSWORD=postgres pgbench "$@" -c "$clients" -j 2 -T "$seconds" "${pg[@]}" bench_pgbench 2>/dev/null \
    | awk '/^tps/ { printf "%.0f", $3 }')
  PGPASSWORD=postgres psql -q "${pg[@]}" -d postgres -c "drop database bench_pgbench"
  echo "$tps"
}
