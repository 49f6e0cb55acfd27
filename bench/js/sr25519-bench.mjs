// Times @polkadot/wasm-crypto (Rust schnorrkel compiled to WebAssembly) sr25519 sign and verify on the same
// 256-byte message as bench/Neuron3D.Bench/Sr25519Benchmarks.cs, and for context @polkadot/util-crypto's default
// (@scure/sr25519, pure JS). Warm-up, then timed loops; prints JSON with mean ns/op. Packages come from tools/js.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const require = createRequire(new URL('../../tools/js/package.json', import.meta.url));
const wasm = await import(pathToFileURL(require.resolve('@polkadot/wasm-crypto')).href);
const utilCrypto = await import(pathToFileURL(require.resolve('@polkadot/util-crypto')).href);
await wasm.waitReady();

const MESSAGE_LENGTH = 256;
const message = Uint8Array.from({ length: MESSAGE_LENGTH }, (_, i) => (i * 7) & 0xff);
const seed = new Uint8Array(32);
seed[0] = 1;
const pair = wasm.sr25519KeypairFromSeed(seed); // ed25519-form secret (64) ‖ public (32)
const secret = pair.slice(0, 64);
const publicKey = pair.slice(64);
const signature = wasm.sr25519Sign(publicKey, secret, message);
if (!wasm.sr25519Verify(signature, message, publicKey)) throw new Error('wasm-crypto signature does not verify');

// Runs fn until minMs have passed (at least minIterations), returns mean ns per call.
function time(fn, minMs, minIterations) {
  let iterations = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0n;
  while (iterations < minIterations || elapsed < BigInt(minMs) * 1_000_000n) {
    for (let i = 0; i < 50; i++) fn();
    iterations += 50;
    elapsed = process.hrtime.bigint() - start;
  }
  return Number(elapsed) / iterations;
}

const sign = () => wasm.sr25519Sign(publicKey, secret, message);
const verify = () => wasm.sr25519Verify(signature, message, publicKey);
time(sign, 500, 200); // warm-up (JIT of the glue, wasm tier-up)
time(verify, 500, 200);
const scurePair = utilCrypto.sr25519PairFromSeed(seed);
const scureSignature = utilCrypto.sr25519Sign(message, scurePair);
const scureSign = () => utilCrypto.sr25519Sign(message, scurePair);
const scureVerify = () => utilCrypto.sr25519Verify(message, scureSignature, scurePair.publicKey);
if (!scureVerify()) throw new Error('@scure/sr25519 signature does not verify');
time(scureSign, 300, 50);
time(scureVerify, 300, 50);

const results = {
  sr25519Sign: time(sign, 3000, 1000),
  sr25519Verify: time(verify, 3000, 1000),
  scureSign: time(scureSign, 2000, 100),
  scureVerify: time(scureVerify, 2000, 100),
};
process.stdout.write(JSON.stringify(results) + '\n');
