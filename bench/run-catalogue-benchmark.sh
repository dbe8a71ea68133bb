#!/usr/bin/env bash
# The catalogues' benchmark of issue #15 (see bench/RESULTS-catalogue.md for a run): 50.000 entries in each register
# (big problems, information systems, technology needs, offers, initiatives, recommendations, obstacles) generated in
# SQL on a fresh embedded PostgreSQL; then list, filter and accent-insensitive search (target p95 < 300 ms), the
# duplicate check on entry (< 500 ms) and the computed inventory indicators (< 300 ms). Fails if a target is missed.
# Figures: target/bench/catalogue.txt. PostgreSQL listens on 54561 (-Dnq57.bench.db-port=… to change).
#
#   bench/run-catalogue-benchmark.sh
set -euo pipefail
cd "$(dirname "$0")/.."
echo "$(date -Iseconds) · $(nproc) cores · load $(cut -d' ' -f1-3 /proc/loadavg) · $(java -version 2>&1 | head -1)"
OFFLINE=""; [ -d "${HOME}/.m2/repository/org/apache/poi/poi-ooxml" ] && OFFLINE="-o"
./mvnw -q $OFFLINE test -Dtest=CatalogueBenchmark -Dnq57.bench=true -Dsurefire.failIfNoSpecifiedTests=false "$@"
echo
cat target/bench/catalogue.txt
