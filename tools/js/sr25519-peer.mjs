// Independent sr25519 / SS58 / BIP39 peer for Neuron3D's differential tests. Two sr25519 implementations answer:
// @polkadot/util-crypto 14 (its sr25519 is @scure/sr25519, pure JS over noble-curves) and @polkadot/wasm-crypto
// (the Rust schnorrkel crate compiled to WebAssembly). Reads {"ops":[...]} as JSON on stdin and prints {"results":[...]}, one result
// per operation, so a single node process serves a whole batch. All byte strings are lowercase hex without 0x.
import {
  cryptoWaitReady, decodeAddress, encodeAddress, keyExtractSuri, keyFromPath, mnemonicGenerate,
  mnemonicToEntropy, mnemonicToMiniSecret, mnemonicValidate, sr25519PairFromSeed, sr25519Sign, sr25519Verify,
} from '@polkadot/util-crypto';
import { hexToU8a, u8aToHex } from '@polkadot/util';
import * as wasm from '@polkadot/wasm-crypto';
import * as scure from '@scure/sr25519';

const DEV_PHRASE = 'bottom drive obey lake curtain smoke basket hold race lonely fit walk';
const hex = (u8a) => u8aToHex(u8a).slice(2);
const bytes = (h) => hexToU8a('0x' + h);

// as @polkadot/keyring createFromUri: a URI without a phrase starts from the dev phrase
function pairFromUri(uri) {
  const { password, path, phrase } = keyExtractSuri(uri.startsWith('/') ? DEV_PHRASE + uri : uri);
  const seed = /^0x[0-9a-fA-F]{64}$/.test(phrase) ? hexToU8a(phrase) : mnemonicToMiniSecret(phrase, password);
  return keyFromPath(sr25519PairFromSeed(seed), path, 'sr25519');
}

const handlers = {
  // mini secret → keypair; secretKey is the ed25519 (×8) form polkadot-js keeps
  pairFromSeed: ({ seed }) => {
    const pair = sr25519PairFromSeed(bytes(seed));
    return { publicKey: hex(pair.publicKey), secretKey: hex(pair.secretKey), address: encodeAddress(pair.publicKey, 42) };
  },
  // signature = @scure/sr25519's, signatureWasm = schnorrkel's (wasm keypair = ed25519-form secret 64 ‖ public 32)
  sign: ({ seed, message }) => {
    const pair = sr25519PairFromSeed(bytes(seed));
    const wasmPair = wasm.sr25519KeypairFromSeed(bytes(seed));
    return {
      publicKey: hex(pair.publicKey),
      signature: hex(sr25519Sign(bytes(message), pair)),
      signatureWasm: hex(wasm.sr25519Sign(wasmPair.slice(64), wasmPair.slice(0, 64), bytes(message))),
    };
  },
  // @scure/sr25519 throws on undecodable points; a verifier's answer to those is "invalid"
  verify: ({ publicKey, message, signature }) => {
    let valid;
    try {
      valid = sr25519Verify(bytes(message), bytes(signature), bytes(publicKey));
    } catch {
      valid = false;
    }
    return { valid, validWasm: wasm.sr25519Verify(bytes(signature), bytes(message), bytes(publicKey)) };
  },
  // byte-exact checks: @scure/sr25519 with the transcript RNG's 32 random bytes fixed (secretKey in ed25519 form)
  signWithRandom: ({ secretKey, message, random }) => ({
    signature: hex(scure.sign(bytes(secretKey), bytes(message), () => bytes(random))),
  }),
  deriveSoftWithRandom: ({ secretKey, chainCode, random }) => ({
    secretKey: hex(scure.HDKD.secretSoft(bytes(secretKey), bytes(chainCode), () => bytes(random))),
  }),
  deriveHard: ({ secretKey, chainCode }) => ({ secretKey: hex(scure.HDKD.secretHard(bytes(secretKey), bytes(chainCode))) }),
  mnemonicGenerate: ({ words }) => ({ phrase: mnemonicGenerate(words) }),
  mnemonic: ({ phrase, password }) => {
    const miniSecret = mnemonicToMiniSecret(phrase, password ?? '');
    const pair = sr25519PairFromSeed(miniSecret);
    return {
      valid: mnemonicValidate(phrase), entropy: hex(mnemonicToEntropy(phrase)), miniSecret: hex(miniSecret),
      publicKey: hex(pair.publicKey), address: encodeAddress(pair.publicKey, 42),
    };
  },
  uri: ({ uri }) => {
    const pair = pairFromUri(uri);
    return { publicKey: hex(pair.publicKey), address: encodeAddress(pair.publicKey, 42) };
  },
  ss58Encode: ({ publicKey, prefix }) => ({ address: encodeAddress(bytes(publicKey), prefix) }),
  ss58Decode: ({ address }) => {
    try {
      return { publicKey: hex(decodeAddress(address)) };
    } catch (e) {
      return { error: String(e.message ?? e) };
    }
  },
};

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const { ops } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
await cryptoWaitReady();
await wasm.waitReady();
const results = ops.map((op) => {
  const handler = handlers[op.op];
  if (!handler) throw new Error(`unknown op ${op.op}`);
  return handler(op);
});
process.stdout.write(JSON.stringify({ results }));
