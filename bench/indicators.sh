#!/usr/bin/env bash
# Benchmark of the indicator set at scale: the leaders' scoreboard over 200 indicators and one indicator's
# breakdown by agency, with 1,000 communes x 36 monthly periods of values (~7.2 million rows), measured on
# the real pages and API endpoints of the packaged application over HTTP.
#
#   bench/indicators.sh            # generate (first run only, a few minutes) and measure
#   RUNS=50 bench/indicators.sh    # more measured requests per endpoint
#
# Data is kept in $DATA between runs (delete it to generate again; APP_ARGS=--spring.flyway.out-of-order=true
# lets data generated before other capabilities' migrations were added be reused). Prints a Markdown table; the figures
# of the last run are in bench/RESULTS-indicators.md.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${DATA:-/tmp/indicators-bench-pg}
PORT=${PORT:-18161}
DBPORT=${DBPORT:-54461}
RUNS=${RUNS:-100}
WARMUP=${WARMUP:-200}   # requests per endpoint before measuring: the JIT compiles the hot paths first
SCALE=${SCALE:-200x1000x36}
BASE=http://localhost:$PORT
TOKENS=$DATA.tokens
LOG=$DATA.log
BUILD_DIR=${BUILD_DIR:-target}   # a private build directory when other builds share the checkout
JAR=$BUILD_DIR/nq57-tracker-0.1.0-SNAPSHOT.jar
ASOF_RUNS=${ASOF_RUNS:-10}   # the scoreboard "as of" a day rebuilds figures from the values: slower, fewer runs

[ -f "$JAR" ] && [ -z "$(find src pom.xml -newer "$JAR" -print -quit)" ] || ./mvnw -q -o -DbuildDir="$BUILD_DIR" -DskipTests package
java -Xmx1g -jar "$JAR" --nq57.db.data-dir="$DATA" --nq57.db.port="$DBPORT" --server.port="$PORT" \
  --nq57.clock.fixed-date=2026-11-22 --nq57.indicator-scale="$SCALE" --nq57.indicator-scale.token-file="$TOKENS" \
  ${APP_ARGS:-} > "$LOG" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
echo "Starting the application (log: $LOG); the first run generates the data…" >&2
until grep -q "Indicator scale data ready" "$LOG"; do
  if ! kill -0 $APP 2>/dev/null; then echo "The application stopped; see $LOG" >&2; exit 1; fi
  sleep 5
done
until curl -s -o /dev/null "$BASE/login"; do sleep 1; done
source "$TOKENS"

# a session for the HTML pages (form login with the CSRF token), tokens for the API
JAR_COOKIES=$(mktemp "${DATA%/*}/$(basename "$DATA")-cookies.XXXXXX")
CSRF=$(curl -s -c "$JAR_COOKIES" -b "$JAR_COOKIES" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"//')
curl -s -c "$JAR_COOKIES" -b "$JAR_COOKIES" -o /dev/null -d "username=lanhdao&password=Demo@2026&_csrf=$CSRF" "$BASE/login"

measure() { # label, then curl arguments; prints a table row with median / p95 / max in ms
  local label=$1; shift
  local WARMUP=${MEASURE_WARMUP:-$WARMUP} RUNS=${MEASURE_RUNS:-$RUNS}
  local code
  code=$(curl -s -o /dev/null -w '%{http_code}' "$@")
  for _ in $(seq "$WARMUP"); do curl -s -o /dev/null "$@"; done
  local times
  times=$(for _ in $(seq "$RUNS"); do curl -s -o /dev/null -w '%{time_total}\n' "$@"; done | sort -n)
  local size
  size=$(curl -s "$@" | wc -c)
  echo "$times" | awk -v label="$label" -v code="$code" -v size="$size" '
    { t[NR] = $1 * 1000 }
    END { n = NR; p95 = t[int(n * 0.95 + 0.999)]; if (p95 == "") p95 = t[n];
          printf "| %s | %s | %.0f | %.0f | %.0f | %.0f | %d KB |\n", label, code, t[1], t[int((n + 1) / 2)], p95, t[n], size / 1024 }'
}

echo "Machine: $(nproc) CPUs, $(free -g | awk '/Mem:/ {print $2}') GB RAM, $(java -version 2>&1 | head -1); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| request | HTTP | min ms | median ms | p95 ms | max ms | size |"
echo "|---|---|---|---|---|---|---|"
measure "scoreboard page \`GET /indicators\` (HTML, every indicator)" -b "$JAR_COOKIES" "$BASE/indicators"
measure "scoreboard API \`GET /api/v1/indicators\`" -H "Authorization: Bearer $LEADER" "$BASE/api/v1/indicators"
measure "indicator page with breakdown \`GET /indicators/BENCH-R001\` (HTML, page 1 of the agencies)" -b "$JAR_COOKIES" "$BASE/indicators/BENCH-R001"
measure "breakdown API \`GET /api/v1/indicators/BENCH-R001/breakdown\` (all agencies, one month)" -H "Authorization: Bearer $LEADER" "$BASE/api/v1/indicators/BENCH-R001/breakdown?period=2026-10"
measure "breakdown API of a computed indicator \`…/BENCH-C001/breakdown\`" -H "Authorization: Bearer $LEADER" "$BASE/api/v1/indicators/BENCH-C001/breakdown?period=2026-10"
measure "breakdown sorted by name \`…/BENCH-S001/breakdown?sort=NAME\`" -H "Authorization: Bearer $LEADER" "$BASE/api/v1/indicators/BENCH-S001/breakdown?period=2026-10&sort=NAME"
MEASURE_WARMUP=3 MEASURE_RUNS=$ASOF_RUNS measure "scoreboard page as of a day \`GET /indicators?asOf=30/09/2026\` (figures rebuilt from the values; $ASOF_RUNS runs)" -b "$JAR_COOKIES" "$BASE/indicators?asOf=30/09/2026"
measure "enter a value (head, approved at once; rollups of the input and 1 computed indicator) \`POST …/BENCH-S002/values\`" \
  -H "Authorization: Bearer $HEAD" -H "Content-Type: application/json" -X POST \
  -d '{"period":"2026-11","value":31,"sourceNote":"bench"}' "$BASE/api/v1/indicators/BENCH-S002/values"
echo
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg); $RUNS measured requests per line after $WARMUP warm-up requests"
grep -o "Indicator scale data ready.*" "$LOG" | tail -1
grep -o "Scale: values, computed.*" "$LOG" | tail -1 || true
rm -f "$JAR_COOKIES"
