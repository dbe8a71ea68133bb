#!/usr/bin/env bash
# The periodic-reporting benchmark of issue #4 (see bench/RESULTS-reporting.md for a run):
#   1. the consolidated report for 120 agencies × 70 tasks (8.400 assignments, 120 reports submitted through the
#      workflow) generated, written as .docx and as .xlsx — target: under 3 s;
#   2. the completeness grid for 5.000 agencies × 12 monthly periods (60.000 expected reports in every state),
#      rendered over HTTP for a signed-in DoST user — target: under 500 ms.
# It runs vn.nq57.reporting.ReportingBenchmark on a fresh embedded PostgreSQL (clock fixed at 22/11/2026, demo data
# loaded), builds the data itself, times each step after warm-ups and fails if a target is missed.
# Figures: target/bench/reporting.txt. Needs only a JDK. The application listens on port 18251 and PostgreSQL on 54551
# (-Dnq57.bench.port=…, -Dnq57.bench.db-port=… to change); -DbuildDir=target-x builds beside another build.
#
#   bench/run-reporting-benchmark.sh
#   bench/run-reporting-benchmark.sh -Dtest='ReportingBenchmark#completenessGrid*'   # one part only
set -euo pipefail
cd "$(dirname "$0")/.."
TEST=ReportingBenchmark
ARGS=("-Dnq57.bench=true" "-Dsurefire.failIfNoSpecifiedTests=false")
for a in "$@"; do case "$a" in -Dtest=*) TEST="${a#-Dtest=}" ;; *) ARGS+=("$a") ;; esac; done
echo "$(date -Iseconds) · $(nproc) cores · load $(cut -d' ' -f1-3 /proc/loadavg) · $(java -version 2>&1 | head -1)"
# offline when the dependencies are already in the local repository (the usual case after a build)
OFFLINE=""; [ -d "${HOME}/.m2/repository/org/apache/poi/poi-ooxml" ] && OFFLINE="-o"
./mvnw -q $OFFLINE test -Dtest="$TEST" "${ARGS[@]}"
echo
cat target/bench/reporting.txt
