#!/usr/bin/env bash
# Computing and queueing the day's reminders at national scale (issue #5: a million assignments in under 60 s).
#
#   1. builds the jar (when a source is newer) and copies it to DIR/app.jar;
#   2. generates the national data set once (vn.nq57.demo.ScaleData: 5.000 synthetic agencies with an officer and a
#      head each, ≈1.000.000 assignments anchored on 22/11/2026) into DIR/pristine, the scheduled jobs off; later
#      runs reuse it (--regenerate to start again);
#   3. copies DIR/pristine to DIR/run (so that every run starts with no notification queued), starts the
#      application on it with the clock fixed at 22/11/2026 and the schedule off, signs in as admin and triggers
#      the computation twice through POST /admin/notifications/reminders/run (ADMIN only): the first run queues the
#      day's reminders, the second, on the same day, must queue nothing;
#   4. restarts on the same database with the clock a month later (22/12/2026) and triggers it once more;
#   5. on a fresh copy, a day with report reminders: 06/12/2026, 3 days before the monthly and quarterly reports
#      due 09/12/2026 that every synthetic department and commune owes;
#   6. prints the figures the engine logs ("Reminders for D: … queued in N ms") with the load average.
# Needs bash, curl, grep, sed and a JDK.
#
#   bench/run-notification-benchmark.sh
#   BUILD_DIR=target-notify bench/run-notification-benchmark.sh -d /tmp/notify-bench -p 18151 --db-port 54451
#
# Options: -d DIR (default /tmp/notify-bench)  -p HTTP_PORT  --db-port PORT  --regenerate
set -euo pipefail

DIR=/tmp/notify-bench
PORT=18151
DB_PORT=54451
REGENERATE=0
DAY=2026-11-22
NEXT_MONTH=2026-12-22
REPORT_DAY=2026-12-06
TARGET_MS=60000
while [ $# -gt 0 ]; do
  case "$1" in
    -d) DIR=$2; shift 2 ;;
    -p) PORT=$2; shift 2 ;;
    --db-port) DB_PORT=$2; shift 2 ;;
    --regenerate) REGENERATE=1; shift ;;
    -h|--help) sed -n '2,21p' "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD_DIR=${BUILD_DIR:-target}
JAR_BUILT="$ROOT/$BUILD_DIR/nq57-tracker-0.1.0-SNAPSHOT.jar"
BASE="http://localhost:$PORT"
mkdir -p "$DIR"
JAR="$DIR/app.jar"
RESULTS="$DIR/results.txt"
APP=""

load() { cut -d' ' -f1-3 /proc/loadavg; }

# 1. the jar
if [ ! -f "$JAR_BUILT" ] || [ -n "$(find "$ROOT/src/main" "$ROOT/pom.xml" -newer "$JAR_BUILT" -type f -print -quit)" ]; then
  echo "Building the jar…"
  (cd "$ROOT" && { ./mvnw -q -o -DbuildDir="$BUILD_DIR" -Dmaven.test.skip=true package 2>/dev/null \
    || ./mvnw -q -DbuildDir="$BUILD_DIR" -Dmaven.test.skip=true package; })
fi
cp "$JAR_BUILT" "$JAR"
if curl -s -o /dev/null "$BASE/login"; then echo "Port $PORT is already in use; pass -p another port" >&2; exit 1; fi

stop_app() {
  if [ -n "$APP" ] && kill -0 "$APP" 2>/dev/null; then
    kill "$APP"; wait "$APP" 2>/dev/null || true
  fi
  APP=""
}
trap stop_app EXIT

# starts the application on DIR/run with the clock on $1; logs to $2; waits until every start-up runner is done
start_app() {
  local day=$1 log=$2
  java -Xms512m -Xmx1g -jar "$JAR" \
    --nq57.db.data-dir="$DIR/run" --nq57.db.port="$DB_PORT" --server.port="$PORT" \
    --nq57.scale=national --nq57.clock.fixed-date="$day" --nq57.notification.jobs.enabled=false \
    --logging.level.root=INFO > "$log" 2>&1 &
  APP=$!
  local start; start=$(date +%s)
  until grep -q "Application ready: all start-up runners done" "$log" 2>/dev/null; do
    if ! kill -0 "$APP" 2>/dev/null; then echo "The application stopped; see $log" >&2; tail -30 "$log" >&2; exit 1; fi
    if [ $(( $(date +%s) - start )) -gt 1200 ]; then echo "Not ready after 20 minutes; see $log" >&2; exit 1; fi
    sleep 2
  done
  until curl -s -o /dev/null -w '%{http_code}' "$BASE/login" | grep -q 200; do sleep 1; done
}

COOKIES="$DIR/cookies.txt"
csrf_of() { grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'; }
sign_in() {
  rm -f "$COOKIES"
  local token where
  token=$(curl -s -c "$COOKIES" -b "$COOKIES" "$BASE/login" | csrf_of || true)
  where=$(curl -s -c "$COOKIES" -b "$COOKIES" -o /dev/null -w '%{redirect_url}' \
    --data-urlencode username=admin --data-urlencode password=Demo@2026 --data-urlencode "_csrf=$token" "$BASE/login")
  case "$where" in *error*|"") echo "Sign-in failed ($where)" >&2; exit 1 ;; esac
}

# triggers the computation once; prints the engine's log line of that run
trigger() {
  local label=$1 log=$2 token before code line
  before=$(grep -c "Reminders for " "$log" || true)
  token=$(curl -s -b "$COOKIES" "$BASE/admin/notifications" | csrf_of || true)
  local la; la=$(load)
  code=$(curl -s -b "$COOKIES" -o /dev/null -w '%{http_code} %{time_total}' --max-time 900 \
    --data-urlencode "_csrf=$token" "$BASE/admin/notifications/reminders/run")
  case "$code" in 302*) ;; *) echo "POST /admin/notifications/reminders/run answered $code; see $log" >&2; exit 1 ;; esac
  line=$(grep "Reminders for " "$log" | sed -n "$((before + 1))p" | sed 's/.*ReminderEngine *: //')
  [ -n "$line" ] || { echo "No reminder line in $log" >&2; exit 1; }
  printf '%-34s %s · HTTP %s s · load before %s\n' "$label" "$line" "${code#* }" "$la" | tee -a "$RESULTS"
}

# 2. the national data set, once
if [ "$REGENERATE" = 1 ]; then rm -rf "$DIR/pristine"; fi
if [ ! -f "$DIR/pristine/.generated" ]; then
  rm -rf "$DIR/pristine"
  echo "Generating the national data set into $DIR/pristine (several minutes)…"
  java -Xms512m -Xmx1g -jar "$JAR" \
    --nq57.db.data-dir="$DIR/pristine" --nq57.db.port="$DB_PORT" --server.port="$PORT" \
    --nq57.scale=national --nq57.scale.exit=true --nq57.notification.jobs.enabled=false \
    --nq57.clock.fixed-date="$DAY" > "$DIR/generate.log" 2>&1 || true
  grep -q "Scale data (national) loaded" "$DIR/generate.log" \
    || { echo "Generation failed; see $DIR/generate.log" >&2; tail -30 "$DIR/generate.log" >&2; exit 1; }
  grep "Scale data (national) loaded" "$DIR/generate.log" | sed 's/.*ScaleData *: //' > "$DIR/pristine/.generated"
fi

# 3. a copy with nothing queued; two runs on the day
rm -rf "$DIR/run"
cp -a "$DIR/pristine" "$DIR/run"
{
  echo "# $(date -Iseconds) · $(nproc) cores · $(java -version 2>&1 | head -1)"
  echo "# data: $(cat "$DIR/pristine/.generated")"
} > "$RESULTS"
echo "Starting on $DAY…"
start_app "$DAY" "$DIR/day.log"
sign_in
trigger "first run on $DAY" "$DIR/day.log"
# the computation holds its lock at least 5 s (lockAtLeastFor): a rerun within that time is skipped as another node's
sleep 6
trigger "second run on $DAY (same day)" "$DIR/day.log"
stop_app

# 4. the clock a month later, same database
echo "Restarting on $NEXT_MONTH…"
start_app "$NEXT_MONTH" "$DIR/month.log"
sign_in
trigger "clock jumped to $NEXT_MONTH" "$DIR/month.log"
stop_app

# 5. a report day, from a copy with nothing queued
rm -rf "$DIR/run"
cp -a "$DIR/pristine" "$DIR/run"
echo "Starting on $REPORT_DAY (fresh copy)…"
start_app "$REPORT_DAY" "$DIR/report.log"
sign_in
trigger "first run on $REPORT_DAY (reports)" "$DIR/report.log"
stop_app

echo "# load average after: $(load)" >> "$RESULTS"
echo
cat "$RESULTS"
worst=$(grep -o 'queued in [0-9]* ms' "$RESULTS" | grep -o '[0-9]*' | sort -n | tail -1)
if [ "${worst:-0}" -gt "$TARGET_MS" ]; then echo "Over the target of $TARGET_MS ms" >&2; exit 1; fi
