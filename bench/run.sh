#!/usr/bin/env bash
# Runs the benchmark sections next to their peers and prints ratios.
#   bash bench/run.sh            # every section
#   bash bench/run.sh sr25519    # one section (a bench/<section>.sh script)
#   bash bench/run.sh validator axon-soak --minutes 10   # arguments from the first --option on go to each section
# Each section script builds bench/Neuron3D.Bench in Release, measures the peer named in its issue in the same
# run, and prints a table. Benchmarks are never part of the test suite.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
sections=()
while (($#)) && [[ $1 != --* ]]; do sections+=("$1"); shift; done
options=("$@")
if ((${#sections[@]} == 0)); then
  for f in "$here"/*.sh; do
    name="$(basename "$f" .sh)"
    [[ $name == run ]] || sections+=("$name")
  done
fi
for s in "${sections[@]}"; do
  script="$here/$s.sh"
  [[ -f $script ]] || { echo "no benchmark section '$s' (bench/$s.sh)" >&2; exit 2; }
  echo "=== $s"
  bash "$script" "${options[@]}"
done
