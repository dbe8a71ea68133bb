#!/usr/bin/env bash
# Load test of issue 18: 200 concurrent users for 10 minutes at national scale — officers posting progress and
# opening their work, DoST listing and reviewing claims, leaders on the overview — with wrk and a scripted mix
# (bench/trust/mix.lua). Per-page p95 comes from the application's own histograms (/actuator/prometheus, read with
# an ADMIN token of scope "metrics"), so every page is measured where it is served.
#
#   bench/run-benchmark.sh --keep                 # national scale data, the application left running on :18080
#   bench/trust/load.sh                           # 200 users, 10 minutes (USERS, DURATION, THREADS, BASE to change)
#   DURATION=60s USERS=50 bench/trust/load.sh     # a short run
#
# Writes the figures to bench/RESULTS-trust.md (appends a section). Needs curl, wrk, python3.
set -euo pipefail
BASE=${BASE:-http://localhost:18080}
USERS=${USERS:-200}
DURATION=${DURATION:-600s}
THREADS=${THREADS:-4}
PASSWORD=${PASSWORD:-Demo@2026}
csrf_in() { grep -o -E 'name="_csrf" (content|value)="[^"]*"' | head -1 | sed -E 's/.*(content|value)="//; s/"$//' || true; }
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d /tmp/nq57-load.XXXX)
SESSIONS="$WORK/sessions.tsv"

login() { # user → "cookie csrf" (a jar of its own per sign-in: a second sign-in in one jar would renew, and so end,
          # the first session's id)
  local jar; jar=$(mktemp "$WORK/jar.XXXXXX"); local page token
  page=$(curl -s -c "$jar" -b "$jar" "$BASE/login")
  token=$(csrf_in <<<"$page")
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=$1" --data-urlencode "password=$PASSWORD" \
    --data-urlencode "_csrf=$token" "$BASE/login"
  page=$(curl -s -c "$jar" -b "$jar" "$BASE/account")
  token=$(csrf_in <<<"$page")
  echo "$(awk '$6=="SESSION"{print $7}' "$jar") $token"
}

officers=$((USERS * 70 / 100)); dost=$((USERS * 20 / 100)); leaders=$((USERS - officers - dost))
echo "Preparing $USERS sessions ($officers officers, $dost DoST, $leaders leaders) on $BASE …"
: > "$SESSIONS"
for i in $(seq 1 "$officers"); do
  user=$(printf "mp%04d" "$i")
  read -r cookie csrf < <(login "$user")
  assignment=$(curl -s -b "SESSION=$cookie" "$BASE/api/v1/my/assignments?size=1" | grep -o '"assignmentId":[0-9]*' | head -1 | cut -d: -f2 || true)
  printf "officer\t%s\t%s\t%s\n" "$cookie" "$csrf" "${assignment:-}" >> "$SESSIONS"
done
for i in $(seq 1 "$dost"); do read -r cookie csrf < <(login sokhcn); printf "dost\t%s\t%s\t\n" "$cookie" "$csrf" >> "$SESSIONS"; done
for i in $(seq 1 "$leaders"); do read -r cookie csrf < <(login lanhdao); printf "leader\t%s\t%s\t\n" "$cookie" "$csrf" >> "$SESSIONS"; done

# an ADMIN token that may read the metrics
read -r acookie acsrf < <(login admin)
curl -s -o /dev/null -b "SESSION=$acookie" --data-urlencode "_csrf=$acsrf" --data "days=1&scope=metrics" "$BASE/account/token"
TOKEN=$(curl -s -b "SESSION=$acookie" "$BASE/account" | grep -o 'nq57_[A-Za-z0-9_-]*' | head -1 || true)
curl -s -H "Authorization: Bearer $TOKEN" "$BASE/actuator/prometheus" > "$WORK/before.prom" || true

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
echo "wrk: $USERS connections, $THREADS threads, $DURATION …"
wrk -t"$THREADS" -c"$USERS" -d"$DURATION" --timeout 30s --latency -s "$ROOT/bench/trust/mix.lua" "$BASE" -- "$SESSIONS" \
  | tee "$WORK/wrk.txt"
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
curl -s -H "Authorization: Bearer $TOKEN" "$BASE/actuator/prometheus" > "$WORK/after.prom"

python3 - "$WORK/before.prom" "$WORK/after.prom" > "$WORK/pages.md" <<'PY'
import re, sys, collections
def read(path):
    b = collections.defaultdict(dict)
    try:
        for line in open(path):
            m = re.match(r'http_server_requests_seconds_bucket\{(.*)\} ([0-9.eE+-]+)', line)
            if not m: continue
            labels = dict(re.findall(r'(\w+)="([^"]*)"', m.group(1)))
            key = (labels.get('method'), labels.get('uri'), labels.get('status'))
            le = float('inf') if labels['le'] == '+Inf' else float(labels['le'])
            b[key][le] = b[key].get(le, 0) + float(m.group(2))
    except FileNotFoundError:
        pass
    return b
before, after = read(sys.argv[1]), read(sys.argv[2])
print("| page | status | requests | p50 ms | p95 ms |\n|---|---|---|---|---|")
for key in sorted(after):
    d = {le: after[key][le] - before.get(key, {}).get(le, 0) for le in after[key]}
    total = d.get(float('inf'), 0)
    if total < 20 or key[1] in ('/actuator/prometheus',): continue
    def q(p):
        for le in sorted(d):
            if d[le] >= p * total: return le * 1000
    print(f"| {key[0]} {key[1]} | {key[2]} | {int(total)} | {q(0.5):.0f} | {q(0.95):.0f} |")
PY
{
  echo; echo "## Load: $USERS users, $DURATION ($(date -u +%Y-%m-%dT%H:%MZ))"; echo
  echo "Command: \`USERS=$USERS DURATION=$DURATION bench/trust/load.sh\` against $BASE; load average before $LOAD_BEFORE, after $LOAD_AFTER."
  echo; echo '```'; cat "$WORK/wrk.txt"; echo '```'; echo; cat "$WORK/pages.md"
} >> "$ROOT/bench/RESULTS-trust.md"
echo "Figures appended to bench/RESULTS-trust.md"
