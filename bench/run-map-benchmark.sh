#!/usr/bin/env bash
# The map's benchmark (bench/RESULTS-map.md): 20.000 lots, 2.000 lines, viewport requests at zooms 10–18, the
# land-fund summary, a 5.000-lot import preview. Writes target/bench/map.md.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -o -q test -Dtest=MapBenchmark -Dbench=true -Dsurefire.failIfNoSpecifiedTests=false "$@"
cat target/bench/map.md
