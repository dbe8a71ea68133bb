#!/usr/bin/env bash
# Ours against the reference Redmine, side by side, in one interleaved run (A, B, A, B) on this machine.
#
# Starts both, loads both (ours: the national data set of vn.nq57.demo.ScaleData — 5.077 agencies, 40.026
# tasks, ≈1.000.000 assignments — Redmine: its seed, 120 projects × 10.000 issues), then for each row runs
# wrk -t2 -c16 -d20s --timeout 10s after a 5 s warm-up: ours, Redmine, ours, Redmine. Writes the table with
# ratios, p95, the load average and memory (our JVM RSS, PostgreSQL PSS, Redmine PSS) to
# bench/RESULTS-vs-redmine.md (or -o FILE).
#
#   bench/vs-redmine.sh                 # from nothing: builds the jar, loads the national data (≈5 min), installs
#                                       # and seeds Redmine through ../shared/bench/redmine, measures (≈20 min)
#   bench/vs-redmine.sh --reuse         # keep our data directory of the last run (skips the load)
#   bench/vs-redmine.sh -d 5s -w 2s --rows overdue,whole   # a short development run of some rows
#
# Options: -d DURATION (20s)  -w WARMUP (5s)  -c CONNECTIONS (16)  -o OUTPUT  --rows a,b,…  --reuse
#          --jar FILE (default target/…jar, rebuilt when sources are newer)  --label TEXT (heading of the table)
# Env:     JAVA_OPTS (default: the production profile's memory settings below), REDMINE_BENCH (the reference's
#          scripts; default ../shared/bench/redmine from the repository, else /work/shared/bench/redmine)
#
# Our database is durable in this run whatever the embedded library's defaults: synchronous_commit=on (set for the
# role, which overrides the library's command-line "off" for every session) and full_page_writes=on (ALTER SYSTEM),
# read back with SHOW and written in the results. Redmine runs with the busy timeout its README describes
# (timeout: 5000 in database.yml) so its concurrent writes wait instead of failing.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
DUR=20s; WARM=5s; CONNS=16; THREADS=2; TIMEOUT=10s
OUT="$ROOT/bench/RESULTS-vs-redmine.md"
ROWS=""
REUSE=0
LABEL=""
JAR=""
DIR=${NQ57_VS_DIR:-/tmp/nq57-vs-redmine}
PORT=8097
DB_PORT=54397
DAY=2026-11-22
# the production profile's JVM (README "Production profile"): a fixed 160 MiB heap (the live set at national scale is
# 60–90 MiB), serial GC (two cores: no concurrent GC threads, least overhead), capped metaspace, code cache and
# direct memory, small thread stacks; glibc's malloc arenas limited (MALLOC_ARENA_MAX=2, set below)
JAVA_OPTS=${JAVA_OPTS:-"-Xms160m -Xmx160m -XX:+UseSerialGC -XX:MaxMetaspaceSize=192m -XX:ReservedCodeCacheSize=64m -XX:MaxDirectMemorySize=32m -Xss512k -XX:CICompilerCount=2 -Dspring.profiles.active=production"}
while [ $# -gt 0 ]; do
  case "$1" in
    -d) DUR=$2; shift 2 ;;
    -w) WARM=$2; shift 2 ;;
    -c) CONNS=$2; shift 2 ;;
    -o) OUT=$2; shift 2 ;;
    --rows) ROWS=$2; shift 2 ;;
    --reuse) REUSE=1; shift ;;
    --jar) JAR=$2; shift 2 ;;
    --label) LABEL=$2; shift 2 ;;
    -h|--help) sed -n '2,24p' "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
if [ -z "${REDMINE_BENCH:-}" ]; then
  for d in "$ROOT/../shared/bench/redmine" /work/shared/bench/redmine; do
    if [ -x "$d/start.sh" ]; then REDMINE_BENCH=$(cd "$d" && pwd); break; fi
  done
fi
[ -n "${REDMINE_BENCH:-}" ] || { echo "The reference Redmine's scripts are not found; set REDMINE_BENCH" >&2; exit 1; }
command -v wrk >/dev/null || apt-get install -y -q wrk >/dev/null
command -v psql >/dev/null || apt-get install -y -q postgresql-client >/dev/null

mkdir -p "$DIR"
BASE="http://127.0.0.1:$PORT"
RSTATE=${REDMINE_STATE:-/tmp/redmine-ref}
RPORT=${REDMINE_PORT:-3000}
RBASE="http://127.0.0.1:$RPORT"
RDB=/var/lib/dbconfig-common/sqlite3/redmine/instances/default/redmine_default
LOG="$DIR/app.log"
RAW="$DIR/raw"; rm -rf "$RAW"; mkdir -p "$RAW"
say() { printf '[vs-redmine %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

# ------------------------------------------------------------------------------------------------ Redmine
say "Redmine: install if missing, busy timeout, start, seed"
"$REDMINE_BENCH/start.sh" >"$DIR/redmine-start.log" 2>&1 || { cat "$DIR/redmine-start.log" >&2; exit 1; }
DBYML=/etc/redmine/default/database.yml
if ! grep -q '^ *timeout:' "$DBYML"; then
  # the busy timeout of the reference's README: concurrent writes from the two workers wait up to 5 s for the lock
  sed -i '/^ *adapter: sqlite3/a\  timeout: 5000' "$DBYML"
  "$REDMINE_BENCH/stop.sh" >>"$DIR/redmine-start.log" 2>&1
  "$REDMINE_BENCH/start.sh" >>"$DIR/redmine-start.log" 2>&1
fi
"$REDMINE_BENCH/seed.sh" --reset 120 10000 >"$DIR/redmine-seed.log" 2>&1
RKEY=$(cat "$RSTATE/api_key")
# read before the runs: after the concurrent updates the workers may still hold SQLite's write lock
RDATA=$(sqlite3 "$RDB" "SELECT (SELECT COUNT(*) FROM projects) || ' projects, ' || (SELECT COUNT(*) FROM issues) || ' issues'")
RPID=$(cat "$RSTATE/puma.pid")
RPROJECT=$(sqlite3 "$RDB" "
  SELECT project_id FROM (
    SELECT i.project_id, COUNT(*) c FROM issues i JOIN issue_statuses s ON s.id = i.status_id
    JOIN projects p ON p.id = i.project_id
    WHERE p.identifier LIKE 'perf-%' AND s.is_closed = 0 AND i.due_date <= '2026-07-01'
    GROUP BY i.project_id ORDER BY c, i.project_id)
  LIMIT 1 OFFSET (SELECT COUNT(DISTINCT project_id) / 2 FROM issues i JOIN projects p ON p.id = i.project_id WHERE p.identifier LIKE 'perf-%')")
RIDENT=$(sqlite3 "$RDB" "SELECT identifier FROM projects WHERE id = $RPROJECT")
# the user of "my page": the perf user with most open issues assigned
RUSER=$(sqlite3 "$RDB" "SELECT u.login FROM issues i JOIN users u ON u.id = i.assigned_to_id JOIN issue_statuses s ON s.id = i.status_id
  WHERE s.is_closed = 0 AND u.login LIKE 'perf-user%' GROUP BY u.login ORDER BY count(*) DESC, u.login LIMIT 1")
sqlite3 "$RDB" "SELECT i.id FROM issues i JOIN issue_statuses s ON s.id = i.status_id JOIN projects p ON p.id = i.project_id
  WHERE s.is_closed = 0 AND p.identifier LIKE 'perf-%' ORDER BY i.id LIMIT 2000" >"$DIR/redmine-issue-ids.txt"
redmine_login() {  # user password -> cookie header value
  local jar="$DIR/rcookies-$1.txt" tok
  rm -f "$jar"
  tok=$(curl -s -c "$jar" -b "$jar" "$RBASE/login" | grep -o 'name="authenticity_token" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
  curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "username=$1" --data-urlencode "password=$2" \
    --data-urlencode "authenticity_token=$tok" "$RBASE/login"
  awk '$6 == "_redmine_session" || $6 == "Redmine" {print $6 "=" $7}' "$jar"
}
RCOOKIE_ADMIN=$(redmine_login admin admin)
RCOOKIE_USER=$(redmine_login "$RUSER" perfpass123)

# ------------------------------------------------------------------------------------------------ ours
if [ -z "$JAR" ]; then
  JAR="$ROOT/target/nq57-tracker-0.1.0-SNAPSHOT.jar"
  if [ ! -f "$JAR" ] || [ -n "$(find "$ROOT/src/main" "$ROOT/pom.xml" -newer "$JAR" -type f -print -quit)" ]; then
    say "building the jar"
    (cd "$ROOT" && { ./mvnw -q -o -Dmaven.test.skip=true package 2>/dev/null || ./mvnw -q -Dmaven.test.skip=true package; })
  fi
fi
cp "$JAR" "$DIR/app.jar"
if curl -s -o /dev/null "$BASE/login"; then echo "Port $PORT is already in use" >&2; exit 1; fi
APP=""
stop_app() {
  if [ -n "$APP" ] && kill -0 "$APP" 2>/dev/null; then kill "$APP"; wait "$APP" 2>/dev/null || true; fi
  APP=""
}
trap stop_app EXIT
start_app() {  # "java options" "application arguments"; --nq57.scale=national loads the data into an empty
               # directory, is skipped on a loaded one, and logs when every start-up runner is done
  : >"$LOG"
  # shellcheck disable=SC2086
  MALLOC_ARENA_MAX=2 java $1 -jar "$DIR/app.jar" --nq57.db.data-dir="$DIR/pg" --nq57.db.port="$DB_PORT" --server.port="$PORT" \
    --nq57.clock.fixed-date="$DAY" --nq57.scale=national $2 >"$LOG" 2>&1 &
  APP=$!
  local start; start=$(date +%s)
  until grep -q "Application ready: all start-up runners done" "$LOG" 2>/dev/null; do
    if ! kill -0 "$APP" 2>/dev/null; then echo "Our application stopped; see $LOG" >&2; tail -30 "$LOG" >&2; exit 1; fi
    if [ $(( $(date +%s) - start )) -gt 1500 ]; then echo "Not ready after 25 minutes; see $LOG" >&2; exit 1; fi
    sleep 2
  done
  until curl -s -o /dev/null -w '%{http_code}' "$BASE/login" | grep -q 200; do sleep 1; done
  say "ours ready after $(( $(date +%s) - start )) s"
}
PSQL=(psql -X -q -t -A -h 127.0.0.1 -p "$DB_PORT" -U postgres -d postgres)
if [ "$REUSE" = 0 ] || [ ! -d "$DIR/pg" ]; then
  rm -rf "$DIR/pg"
  say "ours: loading the national data set into $DIR/pg"
  start_app "-Xmx1g" ""
  # keep the loader's own arguments out of the measured start
  stop_app
fi
# durable commits for every session of the measured run (see the head of this file)
say "ours: durable settings, then the measured start ($JAVA_OPTS)"
start_app "$JAVA_OPTS" ""
"${PSQL[@]}" -c "ALTER ROLE postgres SET synchronous_commit = on" -c "ALTER SYSTEM SET full_page_writes = on" \
  -c "SELECT pg_reload_conf()" >/dev/null
stop_app
start_app "$JAVA_OPTS" ""
DURABLE="synchronous_commit=$("${PSQL[@]}" -c 'SHOW synchronous_commit'), full_page_writes=$("${PSQL[@]}" -c 'SHOW full_page_writes'), fsync=$("${PSQL[@]}" -c 'SHOW fsync')"
say "ours: $DURABLE"
PG_PID=$(head -1 "$DIR/pg/postmaster.pid")
DATA=$("${PSQL[@]}" -c "SELECT (SELECT count(*) FROM agency) || ' agencies, ' || (SELECT count(*) FROM task) || ' tasks, '
  || (SELECT count(*) FROM assignment) || ' assignments, ' || (SELECT count(*) FROM progress_update) || ' progress updates'")

csrf_of() { grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'; }
our_login() {  # user -> "cookie-header token"
  local jar="$DIR/cookies-$1.txt" tok tokenv
  rm -f "$jar"
  tok=$(curl -s -c "$jar" -b "$jar" "$BASE/login" | csrf_of)
  curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "username=$1" --data-urlencode password=Demo@2026 \
    --data-urlencode "_csrf=$tok" "$BASE/login"
  tok=$(curl -s -c "$jar" -b "$jar" "$BASE/account" | csrf_of)
  tokenv=$(curl -s -L -c "$jar" -b "$jar" --data-urlencode "_csrf=$tok" "$BASE/account/token" \
    | grep -o 'id="api-token"[^>]*>[^<]*' | sed 's/.*>//')
  echo "$(awk '$6 == "JSESSIONID" {print "JSESSIONID=" $7}' "$jar") $tokenv"
}
read -r COOKIE_DOST TOKEN_DOST <<<"$(our_login sokhcn)"
# one synthetic agency with the median number of overdue assignments, and its officer (mpNNNN)
read -r AGENCY OFFICER <<<"$("${PSQL[@]}" -F ' ' -c "
  WITH o AS (SELECT a.agency_id, count(*) n FROM assignment a JOIN agency g ON g.id = a.agency_id
             WHERE g.code LIKE 'MP____' AND a.completed_on IS NULL AND a.due_date < DATE '$DAY' GROUP BY a.agency_id)
  SELECT o.agency_id, lower(g.code) FROM o JOIN agency g ON g.id = o.agency_id
  ORDER BY o.n, o.agency_id OFFSET (SELECT count(*) / 2 FROM o) LIMIT 1")"
read -r COOKIE_OFFICER TOKEN_OFFICER <<<"$(our_login "$OFFICER")"
"${PSQL[@]}" -c "SELECT id FROM assignment WHERE agency_id = $AGENCY AND completed_on IS NULL ORDER BY id" >"$DIR/our-assignment-ids.txt"
OVERDUE_OURS=$("${PSQL[@]}" -c "SELECT count(*) FROM assignment WHERE agency_id = $AGENCY AND completed_on IS NULL AND due_date < DATE '$DAY'")
say "ours: agency $AGENCY (officer $OFFICER, $OVERDUE_OURS overdue assignments); Redmine: project $RIDENT, my page of $RUSER"

# ------------------------------------------------------------------------------------------------ wrk
cat >"$DIR/get.lua" <<'EOF'
done = function(summary, latency, requests)
  io.write(string.format("P50 %.1f\nP95 %.1f\nP99 %.1f\n", latency:percentile(50) / 1000.0,
    latency:percentile(95) / 1000.0, latency:percentile(99) / 1000.0))
end
EOF
# progress updates: round-robin over a list of ids (each thread from its own offset); method, path and body templates
cat >"$DIR/post.lua" <<'EOF'
local ids, n, i = {}, 0, 0
for line in io.lines(os.getenv("IDS")) do n = n + 1; ids[n] = line end
local method, path, body = os.getenv("METHOD"), os.getenv("PATHT"), os.getenv("BODYT")
local counter = 0
setup = function(thread) counter = counter + 1; thread:set("offset", counter * 97) end
init = function(args) i = tonumber(offset) or 0 end
request = function()
  i = i + 1
  local id = ids[(i % n) + 1]
  local pct = tostring((i * 7) % 90 + 5)
  return wrk.format(method, path:gsub("{id}", id), nil, (body:gsub("{pct}", pct)))
end
done = function(summary, latency, requests)
  io.write(string.format("P50 %.1f\nP95 %.1f\nP99 %.1f\n", latency:percentile(50) / 1000.0,
    latency:percentile(95) / 1000.0, latency:percentile(99) / 1000.0))
end
EOF

# run_one NAME SIDE KIND(get|post) THREADS CONNS URL AUTH-HEADER… (post: env IDS METHOD PATHT BODYT set by caller)
run_one() {
  local name=$1 side=$2 kind=$3 t=$4 c=$5 url=$6; shift 6
  local hdr=() h
  for h in "$@"; do hdr+=(-H "$h"); done
  local script="$DIR/get.lua"; [ "$kind" = post ] && script="$DIR/post.lua"
  local f="$RAW/$name-$side-$(date +%s%N).txt"
  local l0 check=""
  if [ "$kind" = get ]; then  # what the URL answers (wrk counts neither 3xx nor the size): status and bytes
    check=$(curl -s -o /dev/null -w '%{http_code} %{size_download}B' "${hdr[@]}" "$url")
  fi
  l0=$(load)
  if [ "${WARMED[$name-$side]:-0}" = 0 ]; then
    wrk -t"$t" -c"$c" -d"$WARM" --timeout "$TIMEOUT" -s "$script" "${hdr[@]}" "$url" >/dev/null 2>&1 || true
    WARMED[$name-$side]=1
  fi
  wrk -t"$t" -c"$c" -d"$DUR" --timeout "$TIMEOUT" -s "$script" "${hdr[@]}" "$url" >"$f" 2>&1 || true
  local rps p50 p95 non2xx errs
  rps=$(awk '/^Requests\/sec/{print $2}' "$f")
  p50=$(awk '$1=="P50"{print $2}' "$f"); p95=$(awk '$1=="P95"{print $2}' "$f")
  non2xx=$(awk '/Non-2xx/{print $NF}' "$f"); errs=$(grep -o 'timeout [0-9]*' "$f" | awk '{print $2}' || true)
  # answers that were not errors, per second (a 409 or 500 is no answer to count)
  local total good
  total=$(awk '/requests in/{print $1}' "$f")
  good=$(awk -v r="${rps:-0}" -v n="${total:-0}" -v e="${non2xx:-0}" 'BEGIN { v = 0; if (n > 0) v = r * (n - e) / n; printf "%.2f", v }')
  echo "$name|$side|${rps:-0}|${p50:-?}|${p95:-?}|${non2xx:-0}|${errs:-0}|$l0|$(load)|$check|$good" >>"$DIR/runs.txt"
  say "$name $side: ${rps:-0} req/s, p50 ${p50:-?} ms, p95 ${p95:-?} ms, non-2xx ${non2xx:-0}, load $(load)"
}
declare -A WARMED
: >"$DIR/runs.txt"
CK() { echo "Cookie: $1"; }
RK="X-Redmine-API-Key: $RKEY"
B() { echo "Authorization: Bearer $1"; }
OV_R_FILTER="f%5B%5D=status_id&op%5Bstatus_id%5D=o&f%5B%5D=due_date&op%5Bdue_date%5D=%3C%3D&v%5Bdue_date%5D%5B%5D=2026-07-01"
ALL_R_FILTER="f%5B%5D=status_id&op%5Bstatus_id%5D=*&sort=due_date&per_page=25"

want() { [ -z "$ROWS" ] || [[ ",$ROWS," == *",$1,"* ]]; }
# row NAME: "ours URL|auth" entries and one Redmine "URL|auth", run A, B, A, B (every ours URL in each A)
interleave() {
  local name=$1 kind=$2 t=$3 c=$4 rurl=$5 rauth=$6; shift 6
  local round u a k
  for round in 1 2; do
    k=0
    for u in "$@"; do
      k=$((k + 1)); a=${u#*|}; u=${u%%|*}
      if [ "$kind" = post ]; then
        IDS="$DIR/our-assignment-ids.txt" METHOD=POST PATHT="/api/v1/assignments/{id}/progress" \
          BODYT='{"percent":{pct},"results":"Đã triển khai theo kế hoạch (đo hiệu năng)"}' \
          run_one "$name" "ours$k" post "$t" "$c" "$BASE$u" "$a" "Content-Type: application/json"
      else
        run_one "$name" "ours$k" get "$t" "$c" "$BASE$u" "$a"
      fi
    done
    if [ "$kind" = post ]; then
      IDS="$DIR/redmine-issue-ids.txt" METHOD=PUT PATHT="/issues/{id}.json" \
        BODYT='{"issue":{"done_ratio":{pct},"notes":"Progress update (benchmark)"}}' \
        run_one "$name" redmine post "$t" "$c" "$RBASE$rurl" "$rauth" "Content-Type: application/json"
    else
      run_one "$name" redmine get "$t" "$c" "$RBASE$rurl" "$rauth"
    fi
  done
}
export IDS METHOD PATHT BODYT
# a freshly started JVM compiles its hot code during its first minute: every page of both sides gets a first warm-up
# here (the JIT's, Rails' lazy loading), then each row its own before its first measured run
prewarm() {  # url header
  wrk -t"$THREADS" -c"$CONNS" -d"$WARM" --timeout "$TIMEOUT" -H "$2" "$1" >/dev/null 2>&1 || true
}
say "warming up every page of both sides ($WARM each)"
for pair in "/tasks?agency=$AGENCY&status=OVERDUE|$(CK "$COOKIE_DOST")" "/tasks|$(CK "$COOKIE_DOST")" \
    "/tasks?sort=due|$(CK "$COOKIE_DOST")" "/api/v1/tasks?size=25|$(B "$TOKEN_DOST")" "/overview|$(CK "$COOKIE_DOST")" \
    "/my|$(CK "$COOKIE_OFFICER")" "/reporting/completeness|$(CK "$COOKIE_DOST")"; do
  prewarm "$BASE${pair%%|*}" "${pair#*|}"
done
for pair in "/projects/$RIDENT/issues?set_filter=1&$OV_R_FILTER|$(CK "$RCOOKIE_ADMIN")" \
    "/issues?set_filter=1&$ALL_R_FILTER|$(CK "$RCOOKIE_ADMIN")" "/issues.json?status_id=*&limit=25&sort=due_date|$RK" \
    "/my/page|$(CK "$RCOOKIE_USER")" "/projects/$RIDENT/issues/report|$(CK "$RCOOKIE_ADMIN")"; do
  prewarm "$RBASE${pair%%|*}" "${pair#*|}"
done
LOAD_START=$(load); T_START=$(date -u '+%Y-%m-%d %H:%M UTC')
want overdue && interleave overdue get $THREADS $CONNS \
  "/projects/$RIDENT/issues?set_filter=1&$OV_R_FILTER" "$(CK "$RCOOKIE_ADMIN")" \
  "/tasks?agency=$AGENCY&status=OVERDUE|$(CK "$COOKIE_DOST")"
want overdue-json && interleave overdue-json get $THREADS $CONNS \
  "/issues.json?project_id=$RPROJECT&status_id=open&due_date=%3C%3D2026-07-01&limit=25" "$RK" \
  "/api/v1/tasks?agency=$AGENCY&status=OVERDUE&size=25|$(B "$TOKEN_DOST")"
want whole && interleave whole get $THREADS $CONNS \
  "/issues?set_filter=1&$ALL_R_FILTER" "$(CK "$RCOOKIE_ADMIN")" \
  "/tasks|$(CK "$COOKIE_DOST")" "/tasks?sort=due|$(CK "$COOKIE_DOST")"
want whole-json && interleave whole-json get $THREADS $CONNS \
  "/issues.json?status_id=*&limit=25&sort=due_date" "$RK" \
  "/api/v1/tasks?size=25|$(B "$TOKEN_DOST")" "/api/v1/tasks?size=25&sort=due|$(B "$TOKEN_DOST")"
want overview && interleave overview get $THREADS $CONNS \
  "/issues?set_filter=1&f%5B%5D=status_id&op%5Bstatus_id%5D=o&group_by=project&per_page=25" "$(CK "$RCOOKIE_ADMIN")" \
  "/overview|$(CK "$COOKIE_DOST")"
want my && interleave my get $THREADS $CONNS \
  "/my/page" "$(CK "$RCOOKIE_USER")" \
  "/my|$(CK "$COOKIE_OFFICER")"
want grid && interleave grid get $THREADS $CONNS \
  "/projects/$RIDENT/issues/report" "$(CK "$RCOOKIE_ADMIN")" \
  "/reporting/completeness|$(CK "$COOKIE_DOST")"
want progress && interleave progress post 1 1 "/" "$RK" "/|$(B "$TOKEN_OFFICER")"
want progress-concurrent && interleave progress-concurrent post $THREADS $CONNS "/" "$RK" "/|$(B "$TOKEN_OFFICER")"
LOAD_END=$(load); T_END=$(date -u '+%H:%M UTC')

# ------------------------------------------------------------------------------------------------ memory
pss_tree() {  # root pid -> PSS sum in MiB over it and its children
  local s=0 p
  for p in "$1" $(pgrep -P "$1" || true); do
    s=$(( s + $(awk '/^Pss:/{print $2}' "/proc/$p/smaps_rollup" 2>/dev/null || echo 0) ))
  done
  echo $(( s / 1024 ))
}
JVM_RSS=$(( $(ps -o rss= -p "$APP" | tr -d ' ') / 1024 ))
JVM_PSS=$(pss_tree "$APP")
PG_PSS=$(pss_tree "$PG_PID")
R_PSS=$(pss_tree "$RPID")
R_RSS=0; for p in $RPID $(pgrep -P "$RPID"); do R_RSS=$(( R_RSS + $(ps -o rss= -p "$p" | tr -d ' ') )); done; R_RSS=$((R_RSS / 1024))
# java's own count of its heap after the load
HEAP=$(jcmd "$APP" GC.heap_info 2>/dev/null | grep -E 'total|used' | head -2 | tr -s ' ' | paste -sd ' ' || true)

# ------------------------------------------------------------------------------------------------ table
{
  echo "### ${LABEL:-Run} — $T_START to $T_END"
  echo
  echo "- req/s counts the answers that were not errors (2xx/3xx); errors are the non-2xx answers of both runs (a 409 or 500 is not counted as served)."
  echo "- Warm-up: every page of both sides for $WARM after the start, then $WARM before the first run of each side of each row."
  echo "- Command: \`bench/vs-redmine.sh${ROWS:+ --rows $ROWS} -d $DUR -w $WARM -c $CONNS\`; wrk -t$THREADS -c$CONNS -d$DUR --timeout $TIMEOUT, $WARM warm-up before the first run of each side, runs interleaved ours, Redmine, ours, Redmine; no \`Accept-Encoding\` (neither side compresses)."
  echo "- Ours: $DATA; embedded PostgreSQL 17 with $DURABLE; \`java $JAVA_OPTS\`; agency $AGENCY ($OVERDUE_OURS overdue assignments), officer $OFFICER for \"my work\" and the progress updates, \`sokhcn\` (sees every agency) for the lists."
  echo "- Redmine: $(dpkg-query -W -f='${Version}' redmine 2>/dev/null) on puma 2×5, SQLite with \`timeout: 5000\`, $RDATA; project $RIDENT for one project's overdue list, $RUSER for my page; admin for the lists."
  echo "- Machine: $(nproc) cores shared with other engineers' builds; load average $LOAD_START at the start, $LOAD_END at the end (each run's own in the raw lines below)."
  echo
  echo "| row | ours | ours req/s (run 1 / 2) | p95 ms | errors | Redmine req/s (run 1 / 2) | p95 ms | errors | ratio (mean) |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|---:|"
  awk -F'|' -v base="$BASE" '
    { key = $1 "|" $2; if (!(key in seen)) { order[++n] = key; seen[key] = 1 }
      good = ($11 == "" ? $3 : $11); err[key] += $6
      rps[key] = rps[key] (rps[key] == "" ? "" : " / ") good; sum[key] += good; cnt[key]++
      if ($5 + 0 > p95[key] + 0) p95[key] = $5 }
    END {
      for (i = 1; i <= n; i++) { split(order[i], k, "[|]"); if (k[2] == "redmine") r[k[1]] = order[i] }
      for (i = 1; i <= n; i++) {
        split(order[i], k, "[|]"); if (k[2] == "redmine") continue
        rk = r[k[1]]; ours = sum[order[i]] / cnt[order[i]]; red = (rk == "" ? 0 : sum[rk] / cnt[rk])
        # awk reads a bare ">" among the printf arguments as a redirection (it wrote files named 0 and –): the ratio first
        ratio = "–"; if (red > 0) ratio = sprintf("%.1f×", ours / red)
        printf "| %s | %s | %s | %s | %d | %s | %s | %d | %s |\n", k[1], k[2], rps[order[i]], p95[order[i]], err[order[i]],
          rps[rk], p95[rk], err[rk], ratio
      }
    }' "$DIR/runs.txt" | sed 's/\./,/g'
  echo
  echo "Memory after the load: our JVM **$JVM_RSS MiB RSS** ($JVM_PSS MiB PSS; $HEAP), PostgreSQL $PG_PSS MiB PSS (postmaster and its processes), Redmine $R_RSS MiB RSS / **$R_PSS MiB PSS** (puma master + workers)."
  echo
  echo "<details><summary>Raw runs (row | side | req/s | p50 ms | p95 ms | non-2xx | timeouts | load before | load after | one request's status and size | req/s without the non-2xx)</summary>"
  echo
  echo '```'
  cat "$DIR/runs.txt"
  echo '```'
  echo "URLs — ours: overdue \`/tasks?agency=$AGENCY&status=OVERDUE\`, JSON \`/api/v1/tasks?agency=$AGENCY&status=OVERDUE&size=25\`; whole \`/tasks\` (ours1) and \`/tasks?sort=due\` (ours2), JSON \`/api/v1/tasks?size=25\` and \`&sort=due\`; \`/overview\`; \`/my\`; \`/reporting/completeness\`; progress \`POST /api/v1/assignments/{id}/progress\` round-robin over the agency's open assignments."
  echo "Redmine: overdue \`/projects/$RIDENT/issues?set_filter=1&status open&due_date<=2026-07-01\`, JSON \`/issues.json?project_id=$RPROJECT&status_id=open&due_date=<=2026-07-01&limit=25\`; whole \`/issues?status *&sort=due_date&per_page=25\`, JSON \`/issues.json?status_id=*&limit=25&sort=due_date\`; overview \`/issues?status open&group_by=project\` (every project's open count over all issues); \`/my/page\`; grid \`/projects/$RIDENT/issues/report\`; progress \`PUT /issues/{id}.json\` (done_ratio + notes: a journal) round-robin over open issues."
  echo "</details>"
  echo
} >"$DIR/table.md"
if [ -f "$OUT" ] && grep -q '<!-- runs -->' "$OUT"; then
  cat "$DIR/table.md" >>"$OUT"
else
  { echo "# Ours against Redmine, side by side"; echo; echo "<!-- runs -->"; echo; cat "$DIR/table.md"; } >"$OUT"
fi
cat "$DIR/table.md"
