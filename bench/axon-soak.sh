#!/usr/bin/env bash
# Axon memory over a soak (issue 4: "memory flat over a 10-minute soak"): the bench axon of bench/axon.sh (signed
# PullTask synapses through the full pipeline) under the same wrk load, with the server sampling its own RSS and GC
# heap every SAMPLE seconds. Pre-signed nonces are only valid for about two minutes, so the load runs in SEGMENT-second
# wrk runs, each with a fresh pre-signed batch made while the previous segment runs (that signing competes for the
# cores, as any client would). Prints start/end/max and the slope (linear fit, MiB/min) over the whole soak and its
# second half; the peer is the axon itself at the start of the soak (a flat line has slope ≈ 0).
#   bash bench/axon-soak.sh                 # 2 minutes
#   bash bench/axon-soak.sh --minutes 10    # the issue's 10-minute figure
# Env: SAMPLE (5 s), SEGMENT (30 s), RATE (pre-signed requests per second of load, 6000), CONNECTIONS (32), THREADS (2).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }
seconds=120
while (($#)); do
  case $1 in
    --minutes) seconds=$(python3 -c "print(int(float('$2') * 60))"); shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    *) echo "usage: bench/axon-soak.sh [--minutes M | --seconds S]" >&2; exit 2 ;;
  esac
done
sample="${SAMPLE:-5}"
segment="${SEGMENT:-30}"
rate="${RATE:-6000}"
connections="${CONNECTIONS:-32}"
threads="${THREADS:-2}"
segments=$(((seconds + segment - 1) / segment))

work="$(mktemp -d)"
server_pid=""
cleanup() {
  exec 3>&- 2>/dev/null || true
  [[ -n $server_pid ]] && wait "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "building (Release) ..." >&2
dotnet build -c Release bench/Neuron3D.AxonBench -v q -nologo >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
dll=bench/Neuron3D.AxonBench/bin/Release/net10.0/Neuron3D.AxonBench.dll

mkfifo "$work/stdin"
dotnet "$dll" serve "$work" "$sample" <"$work/stdin" &
server_pid=$!
exec 3>"$work/stdin"
for _ in $(seq 300); do [[ -s $work/ports ]] && break; sleep 0.1; done
[[ -s $work/ports ]] || { echo "the axon did not start" >&2; exit 1; }
read -r axon_port _ _ <"$work/ports"

presign() { mkdir -p "$work/seg$1" && dotnet "$dll" presign "$work/seg$1" "$axon_port" $((rate * segment)); }
echo "soak: $segments segments of ${segment}s, $connections connections ..." >&2
presign 0
load_started=$(date +%s.%N)
for ((k = 0; k < segments; k++)); do
  next_pid=""
  if ((k + 1 < segments)); then presign $((k + 1)) & next_pid=$!; fi
  wrk -t"$threads" -c"$connections" -d"${segment}s" --latency -s bench/axon-wrk.lua "http://127.0.0.1:$axon_port" -- "$work/seg$k" axon "$threads" >"$work/wrk$k.txt"
  [[ -n $next_pid ]] && wait "$next_pid"
  rm -f "$work/seg$k/presigned.txt"
done
load="$(cut -d' ' -f1-3 /proc/loadavg)"
exec 3>&-
wait "$server_pid" || true
server_pid=""

python3 - "$work" "$segments" "$load" "$segment" <<'PY'
import os, re, sys
work, segments, load, segment_seconds = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
requests = errors = 0; rps = []
for k in range(segments):
    text = open(os.path.join(work, f"wrk{k}.txt")).read()
    requests += int(re.search(r"(\d+) requests in", text).group(1))
    m = re.search(r"Non-2xx or 3xx responses: (\d+)", text); errors += int(m.group(1)) if m else 0
    rps.append(float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)))
replays = " (a pre-signed batch ran out: its replays were answered 401)" if errors else ""
print(f"axon soak: {segments} wrk segments of {segment_seconds} s, {requests} signed PullTask requests, {errors} non-2xx{replays}, "
      f"{min(rps):.0f}..{max(rps):.0f} req/s per segment; load average {load}")
print("(the memory span also covers the waits for the next pre-signed batch between segments and the final sample)")
PY
python3 bench/memory_report.py "$work/memory.tsv" "$load_started"
