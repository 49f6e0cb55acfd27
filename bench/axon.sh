#!/usr/bin/env bash
# Axon throughput/latency: signed PullTask synapses through our full axon pipeline (blacklist, nonce, sr25519
# verify, queue, JSON, body hash, headers) vs a bare Kestrel JSON echo of the same body, measured in the same run
# with wrk as a separate load process. Goals (issue 4): ≥ 50% of bare throughput, ≥ 5,000 req/s, p99 < 20 ms.
#   DURATION=10 CONNECTIONS=32 THREADS=2 bash bench/axon.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }
duration="${DURATION:-10}"
connections="${CONNECTIONS:-32}"
threads="${THREADS:-2}"
# Enough pre-signed requests for 8k req/s; their nonces start 90 s ahead (the bench axon allows 120 s of clock
# skew) and stay valid 64 s past that (4 s + the 60 s synapse timeout), however slowly pre-signing runs.
count="${PRESIGNED:-$((8000 * duration))}"

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
dotnet "$dll" serve "$work" <"$work/stdin" &
server_pid=$!
exec 3>"$work/stdin"
for _ in $(seq 100); do [[ -s $work/ports ]] && break; sleep 0.1; done
read -r axon_port bare_port dotnet_pid <"$work/ports"
rss() { awk '/VmRSS/ {print $2}' "/proc/$dotnet_pid/status"; }

echo "pre-signing $count PullTask requests ..." >&2
dotnet "$dll" presign "$work" "$axon_port" "$count"

warm() { wrk -t1 -c4 -d2s -s bench/axon-wrk.lua "$1" -- "$work" "$2" 1 >/dev/null; }
echo "warming up ..." >&2
warm "http://127.0.0.1:$bare_port" bare
rss_before=$(rss)
echo "measuring bare Kestrel echo (${duration}s, $connections connections) ..." >&2
wrk -t"$threads" -c"$connections" -d"${duration}s" --latency -s bench/axon-wrk.lua "http://127.0.0.1:$bare_port" -- "$work" bare "$threads" >"$work/bare.txt"
echo "measuring signed PullTask through the axon (${duration}s, $connections connections) ..." >&2
wrk -t"$threads" -c"$connections" -d"${duration}s" --latency -s bench/axon-wrk.lua "http://127.0.0.1:$axon_port" -- "$work" axon "$threads" >"$work/axon.txt"
rss_after=$(rss)

exec 3>&-
wait "$server_pid" || true
server_pid=""

if [[ ${BREAKDOWN:-1} == 1 ]]; then
  echo "per-step CPU cost (BenchmarkDotNet, short job) ..." >&2
  dotnet run -c Release --project bench/Neuron3D.Bench -- --filter '*AxonBenchmarks*' --job short --inProcess --artifacts "$work/bdn" \
    >"$work/bdn.log" 2>&1 || { cat "$work/bdn.log" >&2; exit 1; }
  grep -E '^\|' "$work/bdn.log" | grep -v -- '---' >"$work/breakdown.txt" || true
fi

node - "$work" "$rss_before" "$rss_after" <<'JS'
const fs = require('node:fs');
const [dir, rssBefore, rssAfter] = process.argv.slice(2);
const parse = (name) => {
  const text = fs.readFileSync(`${dir}/${name}.txt`, 'utf8');
  const ms = (v, unit) => Number(v) * ({ us: 0.001, ms: 1, s: 1000 }[unit]);
  const p = (q) => { const m = text.match(new RegExp(`\\s${q}%\\s+([\\d.]+)(us|ms|s)`)); return m ? ms(m[1], m[2]) : NaN; };
  const requests = Number((text.match(/(\d+) requests in/) || [])[1]);
  const errors = Number((text.match(/Non-2xx or 3xx responses: (\d+)/) || [0, 0])[1]);
  const socket = (text.match(/Socket errors: (.*)/) || [null, 'none'])[1];
  return { rps: Number(text.match(/Requests\/sec:\s+([\d.]+)/)[1]), p50: p(50), p99: p(99), requests, errors, socket };
};
const bare = parse('bare'), axon = parse('axon');
const row = (name, r) => `${name.padEnd(36)}${r.rps.toFixed(0).padStart(9)} req/s  p50 ${r.p50.toFixed(2).padStart(6)} ms  p99 ${r.p99.toFixed(2).padStart(6)} ms  non-2xx ${r.errors}/${r.requests}  socket errors: ${r.socket}`;
console.log('\nPullTask-sized synapse, wrk in a separate process, same machine (2 cores shared by load and server)');
console.log(row('bare Kestrel JSON echo', bare));
console.log(row('Neuron3D axon, signed PullTask', axon));
console.log(`\naxon / bare throughput   ${(axon.rps / bare.rps * 100).toFixed(1)}%   (goal ≥ 50%)`);
console.log(`axon throughput          ${axon.rps.toFixed(0)} req/s   (goal ≥ 5000)`);
console.log(`axon p99 latency         ${axon.p99.toFixed(2)} ms   (goal < 20 ms)`);
console.log(`server RSS               ${(rssBefore / 1024).toFixed(0)} MiB before the runs, ${(rssAfter / 1024).toFixed(0)} MiB after`);
if (fs.existsSync(`${dir}/breakdown.txt`)) console.log('\nper-step cost on one core (BenchmarkDotNet)\n' + fs.readFileSync(`${dir}/breakdown.txt`, 'utf8'));
if (axon.errors > 0) console.log(`note: ${axon.errors} non-2xx axon answers (401s: pre-signed requests ran out and were replayed, or went stale)`);
JS
