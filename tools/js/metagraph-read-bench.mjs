// Peer for bench/metagraph.sh: @polkadot/api (from the local chain's install in artifacts/localchain) reading the
// metagraph of a live local subnet the way the JS ecosystem does: best block hash, then
// api.call.neuronInfoRuntimeApi.getNeuronsLite(netuid) at that block, decoded by @polkadot/types.
// @polkadot/api memoizes calls at a block hash, as SubtensorClient keeps the last snapshot per block, so the warm figure
// compares caches; the cold figure is one uncached state_call plus the same @polkadot/types decode.
// argv: endpoint netuid iterations; stdout: {"neurons": n, "meanMs": warm ms per read, "coldMs": uncached ms per read}
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(path.join(root, 'artifacts', 'localchain', 'package.json'));
const { ApiPromise, WsProvider } = require('@polkadot/api');

const [endpoint, netuidText, iterationsText] = process.argv.slice(2);
const netuid = Number(netuidText);
const iterations = Number(iterationsText ?? 50);
const api = await ApiPromise.create({ provider: new WsProvider(endpoint), noInitWarn: true, throwOnConnect: true });
const read = async () => {
  const hash = await api.rpc.chain.getBlockHash();
  const at = await api.at(hash);
  return (await at.call.neuronInfoRuntimeApi.getNeuronsLite(netuid)).length;
};
let neurons = 0;
for (let i = 0; i < 5; i++) neurons = await read(); // warm-up: metadata and registry caches, JIT
const start = process.hrtime.bigint();
for (let i = 0; i < iterations; i++) neurons = await read();
const meanMs = Number(process.hrtime.bigint() - start) / 1e6 / iterations;
const method = api.runtimeMetadata.asLatest.apis.find((a) => a.name.toString() === 'NeuronInfoRuntimeApi').methods.find((m) => m.name.toString() === 'get_neurons_lite');
const typeName = api.registry.createLookupType(method.output);
const arg = '0x' + Buffer.from(api.registry.createType('u16', netuid).toU8a()).toString('hex');
const coldIterations = Math.max(3, Math.floor(iterations / 10));
const coldStart = process.hrtime.bigint();
for (let i = 0; i < coldIterations; i++) {
  const hash = await api.rpc.chain.getBlockHash();
  neurons = api.registry.createType(typeName, await api._rpcCore.provider.send('state_call', ['NeuronInfoRuntimeApi_get_neurons_lite', arg, hash.toHex()])).length;
}
const coldMs = Number(process.hrtime.bigint() - coldStart) / 1e6 / coldIterations;
await api.disconnect();
process.stdout.write(JSON.stringify({ neurons, meanMs, coldMs }));
