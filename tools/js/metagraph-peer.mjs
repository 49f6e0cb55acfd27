// Independent metagraph reader for the CLI chain tests: @polkadot/api (from the local chain's install in
// artifacts/localchain, so tools/js needs no extra package) reads NeuronInfoRuntimeApi.get_neurons_lite and the
// SubtensorModule storage vectors at one block.
// stdin:  {"endpoint": "ws://127.0.0.1:PORT", "netuid": N, "blockHash": "0x…"}
// stdout: {"neurons": [{uid, hotkey, coldkey, active, stakeRao, rank, …, axon: {…}}], "storage": {rank: […], …}}
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(path.join(root, 'artifacts', 'localchain', 'package.json'));
const { ApiPromise, WsProvider } = require('@polkadot/api');

const input = JSON.parse(readFileSync(0, 'utf8'));
const provider = new WsProvider(input.endpoint, false, {}, 60_000);
await provider.connect();
const api = await ApiPromise.create({ provider, noInitWarn: true, throwOnConnect: true });
try {
  const at = await api.at(input.blockHash);
  // Compact<…> fields unwrap to their number; big values (rao) stay decimal strings.
  const n = (v) => Number((v.unwrap ? v.unwrap() : v).toString());
  const big = (v) => (v.unwrap ? v.unwrap() : v).toBigInt().toString();
  const ipv4 = (value) => [24, 16, 8, 0].map((s) => Number((value >> BigInt(s)) & 255n)).join('.');

  const lite = await at.call.neuronInfoRuntimeApi.getNeuronsLite(input.netuid);
  const neurons = lite.map((x) => {
    const axon = x.axonInfo;
    const ip = axon.ip.toBigInt();
    const ipType = n(axon.ipType);
    return {
      uid: n(x.uid), hotkey: x.hotkey.toString(), coldkey: x.coldkey.toString(), active: x.active.isTrue,
      stakeRao: x.stake.reduce((sum, [, amount]) => sum + amount.unwrap().toBigInt(), 0n).toString(),
      rank: n(x.rank), trust: n(x.trust), consensus: n(x.consensus), incentive: n(x.incentive), dividends: n(x.dividends),
      validatorTrust: n(x.validatorTrust), emissionRao: big(x.emission), validatorPermit: x.validatorPermit.isTrue,
      lastUpdate: n(x.lastUpdate), pruningScore: n(x.pruningScore),
      axon: {
        ip: ip === 0n ? null : ipType === 4 ? ipv4(ip) : null, port: n(axon.port), ipType, protocol: n(axon.protocol),
        version: n(axon.version), block: n(axon.block),
      },
    };
  });

  const vectors = ['rank', 'trust', 'consensus', 'incentive', 'dividends', 'emission', 'validatorPermit', 'lastUpdate'];
  const values = await Promise.all(vectors.map((name) => at.query.subtensorModule[name](input.netuid)));
  const storage = Object.fromEntries(vectors.map((name, i) => [name, values[i].map((v) =>
    name === 'validatorPermit' ? v.isTrue : name === 'emission' ? v.toBigInt().toString() : v.toNumber())]));
  const totalHotkeyAlpha = {};
  for (const x of neurons) totalHotkeyAlpha[x.hotkey] = (await at.query.subtensorModule.totalHotkeyAlpha(x.hotkey, input.netuid)).toBigInt().toString();

  process.stdout.write(JSON.stringify({ neurons, storage, totalHotkeyAlpha }));
} finally {
  await api.disconnect();
}
