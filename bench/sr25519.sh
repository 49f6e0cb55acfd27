#!/usr/bin/env bash
# sr25519 sign/verify: ours (BenchmarkDotNet) vs libsodium Ed25519 (same BenchmarkDotNet run) and
# @polkadot/wasm-crypto (Rust schnorrkel in WebAssembly, timed by node right after, on the same machine).
# Prints a table with ratios against the issue's goals: verify ≥3× faster than wasm-crypto, ≤1.3× Ed25519 verify.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
[ -d tools/js/node_modules ] || (cd tools/js && npm ci --no-audit --no-fund)

artifacts="$(mktemp -d)"
trap 'echo "artifacts kept in $artifacts" >&2' ERR
echo "running BenchmarkDotNet (short job) ..." >&2
# --inProcess: no generated boilerplate project to build (its 2-minute build timeout fails on a busy machine)
if ! dotnet run -c Release --project bench/Neuron3D.Bench -- --filter '*Sr25519Benchmarks*' --job short --inProcess \
     --exporters json --artifacts "$artifacts" >"$artifacts/bdn.log" 2>&1; then
  cat "$artifacts/bdn.log" >&2
  exit 1
fi
echo "running @polkadot/wasm-crypto in node ..." >&2
node bench/js/sr25519-bench.mjs >"$artifacts/js.json"

node - "$artifacts" <<'JS'
const fs = require('node:fs');
const path = require('node:path');
const dir = process.argv[2];
const results = path.join(dir, 'results');
const report = fs.readdirSync(results).find((f) => f.includes('Sr25519Benchmarks') && f.endsWith('.json'));
if (!report) throw new Error('BenchmarkDotNet JSON report missing in ' + results);
const ns = {};
for (const b of JSON.parse(fs.readFileSync(path.join(results, report), 'utf8')).Benchmarks) {
  if (!b.Statistics) throw new Error(`BenchmarkDotNet has no result for ${b.Method}; see ${dir}/bdn.log`);
  ns[b.Method] = b.Statistics.Mean;
}
const js = JSON.parse(fs.readFileSync(path.join(dir, 'js.json'), 'utf8'));
const us = (x) => (x / 1000).toFixed(1).padStart(9) + ' µs';
const rows = [
  ['sr25519 sign    (Neuron3D)', ns.Sr25519Sign],
  ['sr25519 verify  (Neuron3D)', ns.Sr25519Verify],
  ['Ed25519 sign    (libsodium)', ns.Ed25519Sign],
  ['Ed25519 verify  (libsodium)', ns.Ed25519Verify],
  ['sr25519 sign    (@polkadot/wasm-crypto)', js.sr25519Sign],
  ['sr25519 verify  (@polkadot/wasm-crypto)', js.sr25519Verify],
  ['sr25519 sign    (@scure/sr25519, pure JS)', js.scureSign],
  ['sr25519 verify  (@scure/sr25519, pure JS)', js.scureVerify],
  ['  verify part: Merlin transcript (C#)', ns.VerifyPartTranscript],
  ['  verify part: s·B (libsodium fixed base)', ns.VerifyPartBaseMultiply],
  ['  verify part: k·A (libsodium constant-time)', ns.VerifyPartVariableBaseMultiply],
];
console.log('\n256-byte message, mean time per operation');
for (const [name, value] of rows) console.log(name.padEnd(46) + us(value));
const ratio = (a, b) => (a / b).toFixed(2) + '×';
console.log('\nratios');
console.log('wasm-crypto verify / our verify      ' + ratio(js.sr25519Verify, ns.Sr25519Verify) + '   (goal ≥ 3×)');
console.log('wasm-crypto sign   / our sign        ' + ratio(js.sr25519Sign, ns.Sr25519Sign));
console.log('our verify / libsodium Ed25519 verify ' + ratio(ns.Sr25519Verify, ns.Ed25519Verify) + '   (goal ≤ 1.3×)');
console.log('our sign   / libsodium Ed25519 sign   ' + ratio(ns.Sr25519Sign, ns.Ed25519Sign));
JS
rm -rf "$artifacts"
