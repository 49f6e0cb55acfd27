#!/usr/bin/env bash
# Metagraph read from a live local subnet: Neuron3D's SubtensorClient.GetMetagraphAsync (BenchmarkDotNet) vs
# @polkadot/api's getNeuronsLite at the best block, same chain, same subnet, same run. The chain (../shared/localchain,
# real subtensor runtime) is started on a free port, the subnet created by lifecycle.mjs (4 neurons), then stopped.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
if [[ ! -d artifacts/localchain/node_modules/@polkadot/api ]]; then
  echo "installing the local chain's npm packages into artifacts/localchain (first use, ~1.5 min) ..." >&2
  mkdir -p artifacts/localchain
  (cd ../shared/localchain && tar --exclude=node_modules --exclude=run -cf - .) | (cd artifacts/localchain && tar xf -)
  chmod -R u+w artifacts/localchain
fi
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
artifacts="$(mktemp -d)"
trap 'bash artifacts/localchain/stop.sh "$port" >/dev/null 2>&1 || true; rm -rf "$artifacts"' EXIT
echo "starting the local chain on $port and creating a subnet (lifecycle.mjs --jump) ..." >&2
bash artifacts/localchain/start.sh "$port" memory >&2
curl -s -H 'content-type: application/json' -d "{\"id\":1,\"jsonrpc\":\"2.0\",\"method\":\"dev_timeTravel\",\"params\":[$(( $(date +%s) * 1000 ))]}" \
  "http://127.0.0.1:$port" >/dev/null
(cd artifacts/localchain && node lifecycle.mjs "ws://127.0.0.1:$port" --jump) >"$artifacts/lifecycle.json" 2>"$artifacts/lifecycle.log" \
  || { tail -20 "$artifacts/lifecycle.log" >&2; exit 1; }
netuid="$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1],"utf8")).netuid)' "$artifacts/lifecycle.json")"

echo "running BenchmarkDotNet against ws://127.0.0.1:$port netuid $netuid ..." >&2
if ! NEURON3D_BENCH_ENDPOINT="ws://127.0.0.1:$port" NEURON3D_BENCH_NETUID="$netuid" \
     dotnet run -c Release --project bench/Neuron3D.Bench -- --filter '*MetagraphReadBenchmarks*' --job short --inProcess \
     --exporters json --artifacts "$artifacts" >"$artifacts/bdn.log" 2>&1; then
  cat "$artifacts/bdn.log" >&2
  exit 1
fi
echo "running @polkadot/api in node ..." >&2
node tools/js/metagraph-read-bench.mjs "ws://127.0.0.1:$port" "$netuid" 50 >"$artifacts/js.json"

node - "$artifacts" <<'JS'
const fs = require('node:fs');
const path = require('node:path');
const dir = process.argv[2];
const results = path.join(dir, 'results');
const report = fs.readdirSync(results).find((f) => f.includes('MetagraphReadBenchmarks') && f.endsWith('.json'));
const bdn = JSON.parse(fs.readFileSync(path.join(results, report), 'utf8')).Benchmarks;
const mean = (name) => bdn.find((b) => b.Method === name).Statistics.Mean / 1e6;
const ours = mean('ReadMetagraph');
const oursCold = mean('ReadNeuronsUncached');
const js = JSON.parse(fs.readFileSync(path.join(dir, 'js.json'), 'utf8'));
const ms = (x) => x.toFixed(2).padStart(9) + ' ms';
console.log(`\nlive local subnet, ${js.neurons} neurons; mean time per metagraph read at the best block`);
console.log('warm  Neuron3D GetMetagraphAsync (snapshot)'.padEnd(50) + ms(ours));
console.log('warm  @polkadot/api getNeuronsLite (memoized)'.padEnd(50) + ms(js.meanMs));
console.log('cold  Neuron3D state_call + decode'.padEnd(50) + ms(oursCold));
console.log('cold  @polkadot/api provider state_call + decode'.padEnd(50) + ms(js.coldMs));
console.log('\nratio @polkadot/api / Neuron3D: warm ' + (js.meanMs / ours).toFixed(2) + '×, cold ' + (js.coldMs / oursCold).toFixed(2) + '×  (load average ' + require('os').loadavg()[0].toFixed(1) + ')');
JS
