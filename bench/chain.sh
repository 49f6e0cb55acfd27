#!/usr/bin/env bash
# Chain decoding: our metadata-driven SCALE decoder (BenchmarkDotNet) vs @polkadot/types (what @polkadot/api uses),
# both decoding a synthetic 256-neuron NeuronInfoRuntimeApi_get_neurons_lite result typed from the same V15 metadata,
# measured in the same run on the same machine. Prints a table and the ratio.
# @polkadot/types comes from the local chain's install (artifacts/localchain, as the integration tests set it up).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
if [[ ! -d artifacts/localchain/node_modules/@polkadot/types ]]; then
  echo "installing the local chain's npm packages into artifacts/localchain (first use, ~1.5 min) ..." >&2
  mkdir -p artifacts/localchain
  (cd ../shared/localchain && tar --exclude=node_modules --exclude=run -cf - .) | (cd artifacts/localchain && tar xf -)
  chmod -R u+w artifacts/localchain
  (cd artifacts/localchain && npm ci --no-audit --no-fund --prefer-offline) >&2
fi

artifacts="$(mktemp -d)"
trap 'rm -rf "$artifacts"' EXIT
echo "running BenchmarkDotNet (short job, in process: its generated-project build times out on a busy 2-core box) ..." >&2
if ! dotnet run -c Release --project bench/Neuron3D.Bench -- --filter '*ChainBenchmarks*' --job short --inProcess \
     --exporters json --artifacts "$artifacts" >"$artifacts/bdn.log" 2>&1; then
  cat "$artifacts/bdn.log" >&2
  exit 1
fi
echo "running @polkadot/types in node ..." >&2
node tools/js/chain-bench.mjs 2>/dev/null >"$artifacts/js.json"

node - "$artifacts" <<'JS'
const fs = require('node:fs');
const path = require('node:path');
const dir = process.argv[2];
const results = path.join(dir, 'results');
const report = fs.readdirSync(results).find((f) => f.includes('ChainBenchmarks') && f.endsWith('.json'));
if (!report) throw new Error('BenchmarkDotNet JSON report missing in ' + results);
const ns = {};
for (const b of JSON.parse(fs.readFileSync(path.join(results, report), 'utf8')).Benchmarks) ns[b.Method] = b.Statistics.Mean;
const js = JSON.parse(fs.readFileSync(path.join(dir, 'js.json'), 'utf8'));
const us = (x) => (x / 1000).toFixed(1).padStart(10) + ' µs';
console.log(`\nsynthetic get_neurons_lite result: ${js.neurons} neurons, ${js.bytes} bytes; mean time per decode`);
console.log('decode  (Neuron3D TypeRegistry.Decode)'.padEnd(44) + us(ns.DecodeNeuronsLite));
console.log('decode  (@polkadot/types createClass)'.padEnd(44) + us(js.decodeNs));
console.log('Alpha storage key (Neuron3D)'.padEnd(44) + us(ns.AlphaKey));
console.log('\nratio @polkadot/types / Neuron3D decode   ' + (js.decodeNs / ns.DecodeNeuronsLite).toFixed(1) + '×');
JS
