// Independent peer for SN17 duel pairing (spec sn17-404gen.md §3.6): @noble/hashes' BLAKE3 of the UTF-8 text
// "<nonce>:<prompt>", then left = u32_be(h[0:4]) % 256 and right = u32_be(h[4:8]) % 256.
// stdin:  {"items": [{"nonce": 1750000000, "prompt": "a red chair"}, …], "raw": ["text", …]}
// stdout: {"items": [{"hash": "hex", "left": n, "right": n}, …], "raw": ["hex of BLAKE3(utf8(text))", …]}
import { blake3 } from '@noble/hashes/blake3';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const { items = [], raw = [] } = JSON.parse(Buffer.concat(chunks).toString('utf8'));

const u32be = (h, at) => ((h[at] << 24) | (h[at + 1] << 16) | (h[at + 2] << 8) | h[at + 3]) >>> 0;
const out = {
  items: items.map(({ nonce, prompt }) => {
    const h = blake3(utf8ToBytes(`${nonce}:${prompt}`));
    return { hash: bytesToHex(h), left: u32be(h, 0) % 256, right: u32be(h, 4) % 256 };
  }),
  raw: raw.map((text) => bytesToHex(blake3(utf8ToBytes(text)))),
};
process.stdout.write(JSON.stringify(out));
