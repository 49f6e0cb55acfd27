// Independent peer for storage-key hashing: @polkadot/util-crypto's xxhash and blake2 as used by polkadot.js
// for Twox64/128/256 and Blake2_128/256 storage hashers.
// stdin:  {"inputs": ["0x…", …]}
// stdout: [{"twox64": "0x…", "twox128": "0x…", "twox256": "0x…", "blake2_128": "0x…", "blake2_256": "0x…"}, …]
import { cryptoWaitReady, xxhashAsHex, blake2AsHex } from '@polkadot/util-crypto';
import { hexToU8a } from '@polkadot/util';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const { inputs } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
await cryptoWaitReady();
const out = inputs.map((hex) => {
  const data = hexToU8a(hex);
  return {
    twox64: xxhashAsHex(data, 64),
    twox128: xxhashAsHex(data, 128),
    twox256: xxhashAsHex(data, 256),
    blake2_128: blake2AsHex(data, 128),
    blake2_256: blake2AsHex(data, 256),
  };
});
process.stdout.write(JSON.stringify(out));
