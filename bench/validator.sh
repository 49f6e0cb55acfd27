#!/usr/bin/env bash
# SN17 validator throughput, latency and memory (issue 8): our validator (structural scorer + SN17's 4-view preview;
# throttle, cooldowns, penalty and validation lock 0) in its own process on a real Kestrel axon on 127.0.0.1, loaded
# by MINERS signed miner dendrites in a second process that pull a task and submit one prepared asset as fast as the
# validator answers: by default the real SN17 miner result in ../shared/fixtures/sn17 (268k splats), or with
# ASSET=procedural our generator's "a wooden chair with a red cushion" (ASSET=path.spz for any other). Reports:
#   - submissions validated per minute (base64 + SPZ decode, splat gates, surface mesh checks, 4-view render);
#   - end-to-end task latency pull → submit → feedback, p50/p95 (generation excluded: see bench/miner.sh);
#   - the validator's memory (RSS, GC heap) sampled every SAMPLE seconds over the run: start/end/max and slope;
#   - the peers, same run, same concurrency, after the load: the same SubmitResults body POSTed to a bare Kestrel
#     sink in the validator process (transport floor), and base64 + SPZ decode alone (decode floor). Each ratio is
#     validations/min ÷ floor/min, i.e. how much of that floor's rate survives the full validation.
#   bash bench/validator.sh                 # 60 s load
#   bash bench/validator.sh --minutes 10    # the issue's 10-minute memory figure
# Env: ASSET, MINERS (concurrent miners, default one per core), SAMPLE (5 s), FLOOR_SECONDS (15), BREAKDOWN=0 skips the BenchmarkDotNet step timings.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
seconds=60
while (($#)); do
  case $1 in
    --minutes) seconds=$(python3 -c "print(int(float('$2') * 60))"); shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    *) echo "usage: bench/validator.sh [--minutes M | --seconds S]" >&2; exit 2 ;;
  esac
done
miners="${MINERS:-$(nproc)}"
sample="${SAMPLE:-5}"
floor_seconds="${FLOOR_SECONDS:-15}"
asset="${ASSET:-${NEURON3D_SHARED:-$root/../shared}/fixtures/sn17/robocop_with_hammer_in_one_hand.spz}"
[[ $asset == procedural || -f $asset ]] || { echo "asset missing: $asset" >&2; exit 1; }

work="$(mktemp -d)"
server_pid=""
cleanup() {
  exec 3>&- 2>/dev/null || true
  [[ -n $server_pid ]] && wait "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "building (Release) ..." >&2
dotnet build -c Release bench/Neuron3D.Sn17Bench -v q -nologo >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
dll=bench/Neuron3D.Sn17Bench/bin/Release/net10.0/Neuron3D.Sn17Bench.dll

mkfifo "$work/stdin"
dotnet "$dll" validator-serve "$work" "$miners" "$sample" <"$work/stdin" &
server_pid=$!
exec 3>"$work/stdin"
for _ in $(seq 300); do [[ -s $work/ports ]] && break; sleep 0.1; done
[[ -s $work/ports ]] || { echo "the validator did not start" >&2; exit 1; }
read -r axon_port sink_port _ <"$work/ports"

load_started=$(date +%s.%N)
echo "load: $miners miners for ${seconds}s, then ${floor_seconds}s of each floor ..." >&2
dotnet "$dll" validator-load "$work" "$asset" "$axon_port" "$sink_port" "$miners" "$seconds" "$floor_seconds"
load="$(cut -d' ' -f1-3 /proc/loadavg)"
exec 3>&-
wait "$server_pid" || true
server_pid=""

if [[ ${BREAKDOWN:-1} == 1 ]]; then
  echo "validation steps (BenchmarkDotNet, short job) ..." >&2
  NEURON3D_BENCH_ASSET="$asset" dotnet run -c Release --project bench/Neuron3D.Bench -- --filter '*ValidatorBenchmarks*' --job short --inProcess --artifacts "$work/bdn" \
    >"$work/bdn.log" 2>&1 || { tail -40 "$work/bdn.log" >&2; exit 1; }
  grep -E '^\|' "$work/bdn.log" | grep -v -- '---' >"$work/breakdown.txt" || true
fi

python3 - "$work" "$load" "$load_started" <<'PY'
import csv, os, statistics, sys
work, load, load_started = sys.argv[1], sys.argv[2], sys.argv[3]
read = lambda name: list(csv.DictReader(open(os.path.join(work, name)), delimiter="\t"))
tasks, floor, asset = read("tasks.tsv"), read("floor.tsv")[0], read("asset.tsv")[0]
stages = dict(line.rstrip("\n").split("\t") for line in open(os.path.join(work, "stages.tsv")) if line.strip())
def q(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(p * len(values)))]
wall = float(floor["load_wall_seconds"])
cpu_start, cpu_end = [float(x) for x in open(os.path.join(work, "cpu-marks.tsv")).read().split()]
cpu = cpu_end - cpu_start
outcomes = {}
for t in tasks: outcomes[t["outcome"]] = outcomes.get(t["outcome"], 0) + 1
validated = [t for t in tasks if t["outcome"] in ("accepted", "scored-zero")]
if not validated:
    sys.exit(f"no submission was validated: {outcomes}")
per_min = len(validated) / wall * 60
bare = int(floor["bare_round_trips"]) / float(floor["bare_wall_seconds"]) * 60
decode = int(floor["decodes"]) / float(floor["decode_wall_seconds"]) * 60
lat = lambda key: [float(t[key]) for t in validated]
print(f"asset: {asset['asset']}, {asset['splats']} splats, SPZ {int(asset['spz_bytes']) / 1e6:.2f} MB, request body {int(asset['body_bytes']) / 1e6:.2f} MB")
print(f"load: {floor['concurrency']} miners, {wall:.0f} s; outcomes {', '.join(f'{k} {v}' for k, v in sorted(outcomes.items()))}; "
      f"validator saw {', '.join(f'{k} {v}' for k, v in sorted(stages.items()))} (incl. warm-up); load average {load}")
print(f"\nsubmissions validated per minute      {per_min:8.1f}   (validator process: {cpu / wall:.2f} cores busy)")
print(f"  per minute of validator CPU time    {len(validated) / cpu * 60:8.1f}   ({cpu / len(validated) * 1e3:.0f} ms CPU per validation; others' load left out)")
print(f"  floor: bare Kestrel round trip/min  {bare:8.1f}   ratio {per_min / bare:.3g}  (validation rate ÷ rate of only moving the same body)")
print(f"  floor: base64 + SPZ decode/min      {decode:8.1f}   ratio {per_min / decode:.3g}  (validation rate ÷ rate of only decoding it)")
print(f"\n{'task latency (ms)':34}{'p50':>9}{'p95':>9}{'max':>9}")
for name, key in [("pull → submit → feedback", "latency_ms"), ("  pull round trip", "pull_ms"), ("  submit → feedback", "submit_ms")]:
    v = lat(key)
    print(f"{name:34}{q(v, .5):9.1f}{q(v, .95):9.1f}{max(v):9.1f}")
PY
echo
python3 bench/memory_report.py "$work/memory.tsv" "$load_started"
if [[ -s $work/breakdown.txt ]]; then
  echo; echo "validation steps (BenchmarkDotNet, the same asset; the render uses every core)"; cat "$work/breakdown.txt"
fi
