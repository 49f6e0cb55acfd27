// Independent reader for the subtensor integration tests: @polkadot/api (from the local chain's install in
// artifacts/localchain) reads the metagraph, balances and stake at a given block, so the C# client's reads can be
// compared with a second implementation that shares no code with ours.
// stdin:  {"endpoint": "ws://…", "blockHash": "0x…", "netuid": 2, "accounts": ["5…"], "hotkeys": ["5…"]}
// stdout: {"neurons": [...], "incentive": [...], "emission": [...], "balances": {addr: free}, "alpha": {hotkey: rao}}
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(path.join(root, 'artifacts', 'localchain', 'package.json'));
const { ApiPromise, WsProvider } = require('@polkadot/api');

let text = '';
for await (const chunk of process.stdin) text += chunk;
const input = JSON.parse(text);

const provider = new WsProvider(input.endpoint, false);
await provider.connect();
const api = await ApiPromise.create({ provider, noInitWarn: true, throwOnConnect: true });
try {
  const at = await api.at(input.blockHash);
  const lite = await at.call.neuronInfoRuntimeApi.getNeuronsLite(input.netuid);
  const intToIp = (n) => [24n, 16n, 8n, 0n].map((s) => Number((n >> s) & 255n)).join('.');
  const neurons = lite.map((n) => ({
    uid: n.uid.toNumber(),
    hotkey: n.hotkey.toString(),
    coldkey: n.coldkey.toString(),
    active: n.active.isTrue,
    stake: n.stake.reduce((acc, [, s]) => acc + s.toBigInt(), 0n).toString(),
    rank: n.rank.toNumber(),
    emission: n.emission.toBigInt().toString(),
    incentive: n.incentive.toNumber(),
    consensus: n.consensus.toNumber(),
    trust: n.trust.toNumber(),
    validatorTrust: n.validatorTrust.toNumber(),
    dividends: n.dividends.toNumber(),
    lastUpdate: n.lastUpdate.toNumber(),
    validatorPermit: n.validatorPermit.isTrue,
    pruningScore: n.pruningScore.toNumber(),
    axonIp: n.axonInfo.ipType.toNumber() === 4 ? intToIp(n.axonInfo.ip.toBigInt()) : n.axonInfo.ip.toString(),
    axonPort: n.axonInfo.port.toNumber(),
  }));
  const sub = at.query.subtensorModule;
  const incentive = (await sub.incentive(input.netuid)).map((v) => v.toNumber());
  const emission = (await sub.emission(input.netuid)).map((v) => v.toBigInt().toString());
  const balances = {};
  for (const a of input.accounts ?? []) balances[a] = (await at.query.system.account(a)).data.free.toBigInt().toString();
  const alpha = {};
  for (const h of input.hotkeys ?? []) alpha[h] = (await sub.totalHotkeyAlpha(h, input.netuid)).toBigInt().toString();
  process.stdout.write(JSON.stringify({ neurons, incentive, emission, balances, alpha }));
} finally {
  await api.disconnect();
}
