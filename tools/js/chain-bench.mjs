// Peer for bench/chain.sh: @polkadot/types (the decoder behind @polkadot/api) decoding the same synthetic
// 256-neuron NeuronInfoRuntimeApi_get_neurons_lite result as ChainBenchmarks, typed from the same V15 metadata
// (tests/Neuron3D.Bittensor.Tests/Metadata/Fixtures). @polkadot/types comes from the local chain's install
// (artifacts/localchain, created by the integration tests), so tools/js needs no extra package.
// stdout: {"neurons": 256, "bytes": N, "decodeNs": mean ns per decode}
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(path.join(root, 'artifacts', 'localchain', 'package.json'));
const { TypeRegistry, Metadata } = require('@polkadot/types');

const wrapped = gunzipSync(readFileSync(path.join(root, 'tests/Neuron3D.Bittensor.Tests/Metadata/Fixtures/localnet-293-v15-at-version.scale.gz')));
const registry = new TypeRegistry();
const metadata = new Metadata(registry, wrapped.subarray(5)); // after Option tag and 4-byte compact length
registry.setMetadata(metadata);
const api = metadata.asLatest.apis.find((a) => a.name.toString() === 'NeuronInfoRuntimeApi');
const method = api.methods.find((m) => m.name.toString() === 'get_neurons_lite');
const typeName = registry.createLookupType(method.output);

const fill = (b) => '0x' + Buffer.alloc(32, b).toString('hex');
const neurons = [];
for (let i = 0; i < 256; i++) {
  neurons.push({
    hotkey: fill(i & 0xff), coldkey: fill((i + 1) & 0xff), uid: i, netuid: 17, active: true,
    axon_info: { block: 1000 + i, version: 1, ip: 2130706434, port: 8091 + i, ip_type: 4, protocol: 4, placeholder1: 0, placeholder2: 0 },
    prometheus_info: { block: 0, version: 0, ip: 0, port: 0, ip_type: 0 },
    stake: [[fill((i + 1) & 0xff), 1_000_000_000_000 + i]], rank: 0, emission: 1_000_000_000 + i, incentive: i * 100,
    consensus: i * 50, trust: 0, validator_trust: 0, dividends: 0, last_update: 5000 + i, validator_permit: i < 64, pruning_score: 65535,
  });
}
const blob = registry.createType(typeName, neurons).toU8a();

const Decoded = registry.createClass(typeName);
let sink = 0;
const measure = (iterations) => {
  const start = process.hrtime.bigint();
  // What @polkadot/api hands back from a runtime call: the decoded Codec tree (no JSON conversion).
  for (let i = 0; i < iterations; i++) sink += new Decoded(registry, blob).length;
  return Number(process.hrtime.bigint() - start) / iterations;
};
measure(20); // warm-up
let best = Infinity;
for (let round = 0; round < 5; round++) best = Math.min(best, measure(20));
if (sink === 0) throw new Error('nothing decoded');
process.stdout.write(JSON.stringify({ neurons: 256, bytes: blob.length, decodeNs: best }));
