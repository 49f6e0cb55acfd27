#!/usr/bin/env bash
# SN17 miner throughput and per-task overhead (issue 7): our miner (one worker, built-in procedural generator,
# self-check on) against our validator (structural scorer; throttle, cooldowns, penalty and validation lock 0) on a
# real Kestrel axon on 127.0.0.1, one process pinned to one core. Each cycle is split by instrumentation (a timed
# generator around the real one, and the validator's own stopwatch over its SubmitResults handler): overhead = pull
# + everything after generation (self-check, SPZ, SHA-256, base64, license signature, submit round trip, journal)
# − the validator's handler (base64 decode, scoring, state: the validator's work, another machine's in real life).
# The peer is the generation measured in the same run: overhead is reported as a fraction of it, and against the
# 50 ms goal.
# BenchmarkDotNet then times the CPU steps of the submit path on a pre-generated asset (BREAKDOWN=0 skips it).
#   bash bench/miner.sh                  # 60 s
#   bash bench/miner.sh --minutes 10     # or --seconds S
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
seconds=60
while (($#)); do
  case $1 in
    --minutes) seconds=$(python3 -c "print(int(float('$2') * 60))"); shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    *) echo "usage: bench/miner.sh [--minutes M | --seconds S]" >&2; exit 2 ;;
  esac
done
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "building (Release) ..." >&2
dotnet build -c Release bench/Neuron3D.Sn17Bench -v q -nologo >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
pin=(); command -v taskset >/dev/null && pin=(taskset -c 0)
echo "miner vs validator for ${seconds}s (${pin[*]:-unpinned}) ..." >&2
DOTNET_gcServer=0 "${pin[@]}" dotnet bench/Neuron3D.Sn17Bench/bin/Release/net10.0/Neuron3D.Sn17Bench.dll miner "$work" "$seconds"

if [[ ${BREAKDOWN:-1} == 1 ]]; then
  echo "submit-path steps (BenchmarkDotNet, short job) ..." >&2
  dotnet run -c Release --project bench/Neuron3D.Bench -- --filter '*MinerBenchmarks*' --job short --inProcess --artifacts "$work/bdn" \
    >"$work/bdn.log" 2>&1 || { tail -40 "$work/bdn.log" >&2; exit 1; }
  grep -E '^\|' "$work/bdn.log" | grep -v -- '---' >"$work/breakdown.txt" || true
fi

python3 - "$work" "$(cut -d' ' -f1-3 /proc/loadavg)" <<'PY'
import csv, os, statistics, sys
work, load = sys.argv[1], sys.argv[2]
rows = list(csv.DictReader(open(os.path.join(work, "miner-cycles.tsv")), delimiter="\t"))
run = next(csv.DictReader(open(os.path.join(work, "miner-run.tsv")), delimiter="\t"))
def q(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(p * len(values)))]
full = [r for r in rows if r["outcome"] == "Submitted"]
if not full:
    sys.exit("no task went the full way (generate → submit); outcomes: " + ", ".join(r["outcome"] for r in rows[:20]))
col = lambda name, rs=full: [float(r[name]) for r in rs]
outcomes = {}
for r in rows: outcomes[r["outcome"]] = outcomes.get(r["outcome"], 0) + 1
tasks, wall, cpu = int(run["tasks"]), float(run["wall_seconds"]), float(run["process_cpu_seconds"])
gen, over = col("generation_ms"), col("overhead_ms")
own = [g + o for g, o in zip(gen, over)]
print(f"{tasks} tasks in {wall:.1f} s on one core ({', '.join(f'{k} {v}' for k, v in sorted(outcomes.items()))}; "
      f"accepted by the validator {run['accepted_since_start']} incl. warm-up; worker errors {run['worker_errors']}); load average {load}")
print(f"{'per task (submitted ones)':42}{'p50':>9}{'p95':>9}{'mean':>9}  ms")
for name, values in [("generation", gen), ("overhead (all but generation)", over), ("  pull round trip", col("pull_ms")),
                     ("  after generation − validator handler", [a - s for a, s in zip(col("after_generation_ms"), col("validator_handler_ms"))]),
                     ("validator handler (excluded)", col("validator_handler_ms")), ("whole cycle", col("cycle_ms"))]:
    print(f"{name:42}{q(values, .5):9.1f}{q(values, .95):9.1f}{statistics.fmean(values):9.1f}")
print(f"\noverhead / generation (same run)  p50 {q(over, .5) / q(gen, .5):.2f}   mean {statistics.fmean(over) / statistics.fmean(gen):.2f}")
print(f"overhead p95 vs the 50 ms goal    {q(over, .95):.1f} ms = {q(over, .95) / 50:.2f}x goal{'  ok' if q(over, .95) <= 50 else '  OVER'}"
      f"   (p50 {q(over, .5):.1f} ms = {q(over, .5) / 50:.2f}x)")
print(f"tasks per hour per core, miner's own time (generation + overhead, mean {statistics.fmean(own):.0f} ms): {3600e3 / statistics.fmean(own):,.0f}")
print(f"tasks per hour per core, observed loop (validator in the same process and core):          {tasks / wall * 3600:,.0f}")
print(f"tasks per hour per core, from CPU time (miner and validator both counted; others' load left out): {3600 / (cpu / tasks):,.0f}"
      f"  ({cpu / tasks * 1e3:.0f} ms CPU per task, the process had {cpu / wall:.0%} of its core)")
path = os.path.join(work, "breakdown.txt")
if os.path.exists(path): print("\nsubmit-path steps (BenchmarkDotNet, pre-generated asset)\n" + open(path).read())
PY
