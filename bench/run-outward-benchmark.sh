#!/usr/bin/env bash
# The outward face under load: 500 concurrent anonymous clients (wrk) on the public overview and the public
# scoreboard, the full CSV of national task statuses, and the DCAT catalogue, at national scale
# (vn.nq57.demo.ScaleData: 5.000 agencies, 40.000 tasks, ≈1.000.000 assignments), the clock at 22/11/2026.
#
#   bench/run-outward-benchmark.sh                       # fresh national data in /tmp/outward-bench (≈2 min to load)
#   bench/run-outward-benchmark.sh --from /tmp/nq57-bench/pg   # start from a copy of a database already loaded
#   bench/run-outward-benchmark.sh -d 20 -c 500          # wrk duration (s) and connections
#
# Needs wrk (apt-get install wrk), curl, a JDK. Prints p50/p95/p99 (wrk's latency distribution, via bench/p95.lua),
# requests/s, errors and the load average; writes bench/RESULTS-outward.md's table rows to $DIR/results.md.
set -euo pipefail
DIR=/tmp/outward-bench
PORT=18140
DB_PORT=29540
DURATION=20
CONNS=500
FROM=""
DAY=2026-11-22
while [ $# -gt 0 ]; do
  case "$1" in
    -d) DURATION=$2; shift 2 ;;
    -c) CONNS=$2; shift 2 ;;
    --dir) DIR=$2; shift 2 ;;
    --from) FROM=$2; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BASE="http://localhost:$PORT"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
mkdir -p "$DIR"
JAR_BUILT="$ROOT/target/nq57-tracker-0.1.0-SNAPSHOT.jar"
if [ ! -f "$JAR_BUILT" ] || [ -n "$(find "$ROOT/src/main" "$ROOT/pom.xml" -newer "$JAR_BUILT" -type f -print -quit)" ]; then
  echo "Building the jar…"
  (cd "$ROOT" && ./mvnw -q -o -Dmaven.test.skip=true package)
fi
cp "$JAR_BUILT" "$DIR/app.jar"
if [ -n "$FROM" ] && [ ! -d "$DIR/pg" ]; then echo "Copying $FROM…"; cp -a "$FROM" "$DIR/pg"; rm -f "$DIR/pg/postmaster.pid"; fi
LOG="$DIR/app.log"
java -Xms512m -Xmx1g -jar "$DIR/app.jar" --nq57.db.data-dir="$DIR/pg" --nq57.db.port="$DB_PORT" --server.port="$PORT" \
  --nq57.scale=national --nq57.clock.fixed-date="$DAY" --nq57.ioc.detect-initial-ms=600000 --logging.level.root=INFO > "$LOG" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null || true' EXIT
START=$(date +%s)
until grep -q "Application ready: all start-up runners done" "$LOG" 2>/dev/null; do
  kill -0 "$APP" 2>/dev/null || { echo "The application stopped; see $LOG" >&2; tail -30 "$LOG" >&2; exit 1; }
  [ $(( $(date +%s) - START )) -lt 1200 ] || { echo "Not ready after 20 minutes" >&2; exit 1; }
  sleep 2
done
echo "Ready after $(( $(date +%s) - START )) s: $(grep -E 'Scale data' "$LOG" | tail -1 | sed 's/.*ScaleData *: //')"
TASKS=$(curl -s "$BASE/public" | grep -o 'id="total-tasks">[^<]*' | sed 's/.*>//')
echo "Public overview shows $TASKS tasks"

OUT="$DIR/results.md"
{
  echo "| what | clients | duration | requests/s | p50 ms | p95 ms | p99 ms | errors (non-2xx, socket) |"
  echo "|---|---|---|---|---|---|---|---|"
} > "$OUT"
run() {  # path, connections, threads
  local path=$1 c=$2
  curl -s -o /dev/null "$BASE$path"   # fills the cache once, as the first visitor would
  local la; la=$(cut -d' ' -f1-3 /proc/loadavg)
  local r; r=$(wrk -t2 -c"$c" -d"${DURATION}s" --timeout 10s -s "$ROOT/bench/p95.lua" "$BASE$path" 2>&1)
  echo "$r" | sed 's/^/    /'
  local rps p50 p95 p99 non2xx sock
  rps=$(echo "$r" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$r" | awk '/^p50/ {print $2}'); p95=$(echo "$r" | awk '/^p95/ {print $2}'); p99=$(echo "$r" | awk '/^p99/ {print $2}')
  non2xx=$(echo "$r" | awk '/Non-2xx/ {print $NF}'); sock=$(echo "$r" | awk '/Socket errors/ {print $0}' | sed 's/.*errors: //')
  echo "| \`$path\` | $c | ${DURATION}s | $rps | $p50 | $p95 | $p99 | ${non2xx:-0}; ${sock:-none} (load before $la) |" >> "$OUT"
}
run /public "$CONNS"
run /public/indicators "$CONNS"
run /open-data/catalog 50
# the full CSV of national task statuses: the first request computes it (cold), later ones are served kept
for i in 1 2 3; do
  curl -s -o "$DIR/nhiem-vu.csv" -w "CSV of national task statuses, request $i: %{http_code} %{size_download} bytes in %{time_total} s\n" \
    "$BASE/open-data/datasets/nhiem-vu.csv"
done | tee -a "$DIR/csv.txt"
echo "rows: $(( $(wc -l < "$DIR/nhiem-vu.csv") - 1 ))" | tee -a "$DIR/csv.txt"
cat "$OUT"
