#!/usr/bin/env bash
# Response times of the overview and the task list at national scale.
#
# Builds the jar if the sources are newer, starts it on a fresh embedded PostgreSQL with the synthetic
# national data set (vn.nq57.demo.ScaleData: 5.000 agencies, 40.000 tasks, ≈1.000.000 assignments), the
# clock fixed at 22/11/2026, signs in as sokhcn (form login with CSRF), then times each URL N times after
# W warm-up requests and prints p50 / p95 / max in milliseconds. Needs only bash, curl, awk, sort and a JDK.
#
#   bench/run-benchmark.sh                  # national scale, N=50, fresh data in /tmp/nq57-bench
#   bench/run-benchmark.sh -n 100 -w 10     # more samples
#   bench/run-benchmark.sh --reuse          # keep the data directory of the last run (skips the ≈2 min load)
#   bench/run-benchmark.sh --keep           # leave the application running afterwards
#   bench/run-benchmark.sh --attach         # time the application already running on the port (after --keep)
#   bench/run-benchmark.sh --scale province -d /tmp/nq57-bench-province -p 18081 --db-port 54481
#
# Other benchmarks of pages reuse this script (bench/run-steering-benchmark.sh): they set BENCH_DIR, BENCH_PORT,
# BENCH_DB_PORT, BENCH_USER (who signs in), BENCH_COLD=1 (print each URL's first request apart) and define a
# function bench_urls that fills the array URLS after sign-in, then source this file.
#
# Options: -n N  -w WARMUPS  -d DIR  -p HTTP_PORT  --db-port PORT  --scale national|province  --reuse  --keep
#          --attach  --app-args "…" (extra arguments for the application, e.g. to try a setting)
set -euo pipefail

N=50
WARMUP=5
DIR=${BENCH_DIR:-/tmp/nq57-bench}
PORT=${BENCH_PORT:-18080}
DB_PORT=${BENCH_DB_PORT:-29480}   # below the ephemeral range (32768–60999), where a client socket can hold the port
BENCH_USER=${BENCH_USER:-sokhcn}
BENCH_COLD=${BENCH_COLD:-0}
SCALE=national
REUSE=0
KEEP=0
ATTACH=0
APP_ARGS=""
DAY=2026-11-22
while [ $# -gt 0 ]; do
  case "$1" in
    -n) N=$2; shift 2 ;;
    -w) WARMUP=$2; shift 2 ;;
    -d) DIR=$2; shift 2 ;;
    -p) PORT=$2; shift 2 ;;
    --db-port) DB_PORT=$2; shift 2 ;;
    --scale) SCALE=$2; shift 2 ;;
    --reuse) REUSE=1; shift ;;
    --keep) KEEP=1; shift ;;
    --attach) ATTACH=1; shift ;;
    --app-args) APP_ARGS=$2; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | grep '^#'; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BASE="http://localhost:$PORT"
JAR_BUILT="$ROOT/target/nq57-tracker-0.1.0-SNAPSHOT.jar"
mkdir -p "$DIR"
JAR="$DIR/app.jar"
JAR_COOKIES="$DIR/cookies.txt"
LOG="$DIR/app.log"

if [ "$ATTACH" = 1 ]; then
  curl -s -o /dev/null "$BASE/login" || { echo "Nothing answers on $BASE" >&2; exit 1; }
  LOADED="attached to the application running on $BASE"
  APP=""
else
  # 1. the jar, rebuilt when a source or the pom is newer; copied so that a rebuild meanwhile cannot change it
  if [ ! -f "$JAR_BUILT" ] || [ -n "$(find "$ROOT/src/main" "$ROOT/pom.xml" -newer "$JAR_BUILT" -type f -print -quit)" ]; then
    echo "Building the jar…"
    (cd "$ROOT" && { ./mvnw -q -o -Dmaven.test.skip=true package 2>/dev/null || ./mvnw -q -Dmaven.test.skip=true package; })
  fi
  cp "$JAR_BUILT" "$JAR"

  # 2. a fresh database, unless asked to reuse the last one
  if curl -s -o /dev/null "$BASE/login"; then
    echo "Port $PORT is already in use; pass -p another port" >&2; exit 1
  fi
  if [ "$REUSE" = 0 ]; then rm -rf "$DIR/pg"; fi

  echo "Starting the application on port $PORT (database port $DB_PORT, data in $DIR/pg, scale $SCALE)…"
  # shellcheck disable=SC2086
  java -Xms512m -Xmx1g -jar "$JAR" \
    --nq57.db.data-dir="$DIR/pg" --nq57.db.port="$DB_PORT" --server.port="$PORT" \
    --nq57.scale="$SCALE" --nq57.clock.fixed-date="$DAY" --logging.level.root=INFO $APP_ARGS > "$LOG" 2>&1 &
  APP=$!
  cleanup() {
    if [ "$KEEP" = 0 ] && [ -n "$APP" ] && kill -0 "$APP" 2>/dev/null; then
      kill "$APP"; wait "$APP" 2>/dev/null || true
    fi
  }
  trap cleanup EXIT

  # 3. ready: the scale data is in and every start-up runner is done (the web server answers long before:
  #    the runners work after it is up, and the recurring-task job then opens this year's instances)
  START=$(date +%s)
  until grep -q "Application ready: all start-up runners done" "$LOG" 2>/dev/null; do
    if ! kill -0 "$APP" 2>/dev/null; then echo "The application stopped; see $LOG" >&2; tail -30 "$LOG" >&2; exit 1; fi
    if [ $(( $(date +%s) - START )) -gt 1200 ]; then echo "Not ready after 20 minutes; see $LOG" >&2; exit 1; fi
    sleep 2
  done
  until curl -s -o /dev/null -w '%{http_code}' "$BASE/login" | grep -q 200; do sleep 1; done
  LOADED=$(grep -E "Scale data \($SCALE\) (loaded|skipped)" "$LOG" | sed 's/.*ScaleData *: //')
  echo "Ready after $(( $(date +%s) - START )) s: $LOADED"
fi

# 4. sign in (the DoST secretariat unless BENCH_USER says otherwise): GET /login for the CSRF token, POST the form with the cookie jar
rm -f "$JAR_COOKIES"
csrf_of() { grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'; }
TOKEN=$(curl -s -c "$JAR_COOKIES" -b "$JAR_COOKIES" "$BASE/login" | csrf_of || true)
WHERE=$(curl -s -c "$JAR_COOKIES" -b "$JAR_COOKIES" -o /dev/null -w '%{redirect_url}' \
  --data-urlencode "username=$BENCH_USER" --data-urlencode password=Demo@2026 --data-urlencode "_csrf=$TOKEN" "$BASE/login")
case "$WHERE" in *error*|"") echo "Sign-in failed ($WHERE)" >&2; exit 1 ;; esac

# an API token for the JSON endpoint (issued on the account page, shown once)
TOKEN=$(curl -s -c "$JAR_COOKIES" -b "$JAR_COOKIES" "$BASE/account" | csrf_of || true)
API_TOKEN=$(curl -s -L -c "$JAR_COOKIES" -b "$JAR_COOKIES" --data-urlencode "_csrf=$TOKEN" "$BASE/account/token" \
  | grep -o 'id="api-token"[^>]*>[^<]*' | sed 's/.*>//' || true)

if declare -F bench_urls > /dev/null; then
  bench_urls
else
  # the agency with most overdue assignments, and a plan, for the filtered URLs
  OVERVIEW_JSON=$(curl -s -b "$JAR_COOKIES" "$BASE/api/v1/overview")
  AGENCY=$(printf '%s' "$OVERVIEW_JSON" | grep -o '"agencyId":[0-9]*' | head -1 | cut -d: -f2 || true)
  PLAN=$(curl -s -b "$JAR_COOKIES" "$BASE/overview" | grep -o '<option value="[0-9][0-9]*"' | head -1 | grep -o '[0-9]*' || true)
  URLS=(
    "/overview"
    "/overview?plan=$PLAN"
    "/api/v1/overview"
    "/tasks?status=OVERDUE&q=chuyen%20doi%20so&page=3"
    "/tasks?agency=$AGENCY&status=IN_PROGRESS"
    "/tasks"
  )
fi

# 5. N timed requests per URL after the warm-ups; p50/p95 by nearest rank. Other work on the machine
#    shows in the figures: the load average is printed before and after, and so is the CPU time the
#    application and its PostgreSQL spent per request (from /proc), which other work hardly changes.
APP_PID=$(ss -ltnpH "sport = :$PORT" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2 || true)
PG_PID=""
if [ -n "$APP_PID" ]; then
  DBP=$(tr '\0' ' ' < "/proc/$APP_PID/cmdline" | grep -o -- '--nq57.db.port=[0-9]*' | cut -d= -f2 || true)
  PG_PID=$(ss -ltnpH "sport = :${DBP:-$DB_PORT}" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2 || true)
fi
cpu_ticks() {  # user + system clock ticks: the application, its database sessions, and the parallel
               # workers the postmaster has reaped (its children's time)
  local total=0 p
  [ -r "/proc/$APP_PID/stat" ] && total=$(awk '{print $14 + $15}' "/proc/$APP_PID/stat")
  if [ -n "$PG_PID" ] && [ -r "/proc/$PG_PID/stat" ]; then
    total=$(( total + $(awk '{print $16 + $17}' "/proc/$PG_PID/stat") ))
    for p in $(ps -o pid=,args= --ppid "$PG_PID" | awk '$3 == "postgres" && $4 == "postgres" {print $1}'); do
      [ -r "/proc/$p/stat" ] && total=$(( total + $(awk '{print $14 + $15}' "/proc/$p/stat") ))
    done
  fi
  echo "$total"
}
TICK_MS=$(( 1000 / $(getconf CLK_TCK) ))
echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '\n%-52s %6s %8s %8s %8s %8s %s\n' "URL" "n" "p50 ms" "p95 ms" "max ms" "cpu ms" "status"
RESULTS="$DIR/results.txt"
{
  echo "# $(date -Iseconds) · $(nproc) cores · $SCALE · N=$N after $WARMUP warm-ups"
  echo "# $LOADED"
  echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
} > "$RESULTS"
for url in "${URLS[@]}"; do
  auth=(-b "$JAR_COOKIES")
  if [ "${url#/api/}" != "$url" ] && [ -n "$API_TOKEN" ]; then auth=(-H "Authorization: Bearer $API_TOKEN"); fi
  if [ "$BENCH_COLD" = 1 ]; then
    cold=$(curl -s -o /dev/null "${auth[@]}" -w '%{time_total}' "$BASE$url" | awk '{printf "%.1f", $1 * 1000}')
    echo "cold (first request) $url: $cold ms" | tee -a "$RESULTS"
  fi
  for _ in $(seq "$WARMUP"); do curl -s -o /dev/null "${auth[@]}" "$BASE$url"; done
  samples="$DIR/samples.txt"; : > "$samples"; codes=""
  before=$(cpu_ticks)
  for _ in $(seq "$N"); do
    out=$(curl -s -o /dev/null "${auth[@]}" -w '%{http_code} %{time_total}' "$BASE$url")
    echo "${out#* }" >> "$samples"
    codes="$codes ${out%% *}"
  done
  cpu=$(awk -v t=$(( $(cpu_ticks) - before )) -v ms="$TICK_MS" -v n="$N" 'BEGIN { printf "%.1f", t * ms / n }')
  status=$(echo "$codes" | tr ' ' '\n' | grep -v '^$' | sort | uniq -c | awk '{printf "%s×%s ", $2, $1}')
  line=$(sort -n "$samples" | awk -v url="$url" -v st="$status" -v cpu="$cpu" '
    { t[NR] = $1 * 1000 }
    END {
      i50 = int(NR * 0.50); if (i50 < NR * 0.50) i50++;
      i95 = int(NR * 0.95); if (i95 < NR * 0.95) i95++;
      printf "%-52s %6d %8.1f %8.1f %8.1f %8s %s\n", url, NR, t[i50], t[i95], t[NR], cpu, st
    }')
  echo "$line"
  echo "$line" >> "$RESULTS"
done
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$RESULTS"
echo
echo "Results also in $RESULTS; application log in $LOG"
if [ -z "$API_TOKEN" ]; then echo "(no API token could be issued: /api/v1/overview was timed with the session cookie)"; fi
if [ "$KEEP" = 1 ] && [ -n "$APP" ]; then echo "The application keeps running (pid $APP) on $BASE"; fi
