// Independent peer for Neuron3D's wallet CLI tests, on @polkadot/util-crypto 14 (sr25519 by @scure/sr25519).
// Reads {"ops":[...]} as JSON on stdin and prints {"results":[...]}, one result per operation.
// Messages are UTF-8 text (as `neuron3d wallet sign/verify` take them); signatures and keys are 0x-hex.
import {
  cryptoWaitReady, decodeAddress, encodeAddress, mnemonicToMiniSecret, sr25519PairFromSeed, sr25519Sign, sr25519Verify,
} from '@polkadot/util-crypto';
import { hexToU8a, stringToU8a, u8aToHex } from '@polkadot/util';

const fromSeed = (seedHex) => sr25519PairFromSeed(hexToU8a(seedHex));

const handlers = {
  // Does a signature made by `neuron3d wallet sign` verify here?
  verify: ({ message, signature, address }) => {
    let valid;
    try {
      valid = sr25519Verify(stringToU8a(message), hexToU8a(signature), decodeAddress(address));
    } catch {
      valid = false;
    }
    return { valid };
  },
  // A signature made here, for `neuron3d wallet verify` to check.
  sign: ({ phrase, message }) => {
    const pair = sr25519PairFromSeed(mnemonicToMiniSecret(phrase));
    return { signature: u8aToHex(sr25519Sign(stringToU8a(message), pair)), address: encodeAddress(pair.publicKey, 42) };
  },
  // What a keyfile's secrets mean to an independent implementation: the addresses its secretPhrase and
  // secretSeed expand to (null when the field is absent).
  keyfile: ({ json }) => {
    const data = JSON.parse(json);
    const address = (pair) => encodeAddress(pair.publicKey, 42);
    return {
      fromPhrase: data.secretPhrase ? address(sr25519PairFromSeed(mnemonicToMiniSecret(data.secretPhrase))) : null,
      fromSeed: data.secretSeed ? address(fromSeed(data.secretSeed)) : null,
      publicKeyAddress: data.publicKey ? encodeAddress(hexToU8a(data.publicKey), 42) : null,
      ss58Address: data.ss58Address ?? null,
    };
  },
};

let input = '';
for await (const chunk of process.stdin) input += chunk;
await cryptoWaitReady();
const { ops } = JSON.parse(input);
const results = ops.map((op) => {
  const handler = handlers[op.op];
  if (!handler) throw new Error(`unknown op ${op.op}`);
  return handler(op);
});
process.stdout.write(JSON.stringify({ results }));
