// Independent SN17 license-consent signer written from ../shared/specs/sn17-404gen.md §2.4 only:
// message = declaration + decimal(submit_time) + prompt + validator_hotkey + miner_hotkey (no separators), signed with
// sr25519 (@polkadot/util-crypto), sent as standard base64.
// stdin: {"uri":"//Alice","submitTime":"1750000000000000000","prompt":"…","validatorHotkey":"SS58"}
// stdout: {"minerHotkey":"SS58","signature":"base64"}
import { cryptoWaitReady, encodeAddress, keyExtractSuri, keyFromPath, mnemonicToMiniSecret, sr25519PairFromSeed, sr25519Sign } from '@polkadot/util-crypto';
import { stringToU8a } from '@polkadot/util';

const DEV_PHRASE = 'bottom drive obey lake curtain smoke basket hold race lonely fit walk';
const DECLARATION = 'I, as a miner on SN17, have obtained all licenses, rights and consents required to use, reproduce, modify, '
  + 'display, distribute and make available my submitted results to this subnet and its end users';

const input = JSON.parse(await new Promise((resolve) => {
  let text = '';
  process.stdin.on('data', (chunk) => { text += chunk; });
  process.stdin.on('end', () => resolve(text));
}));
await cryptoWaitReady();
const { password, path, phrase } = keyExtractSuri(DEV_PHRASE + input.uri);
const pair = keyFromPath(sr25519PairFromSeed(mnemonicToMiniSecret(phrase, password)), path, 'sr25519');
const minerHotkey = encodeAddress(pair.publicKey, 42);
const message = `${DECLARATION}${BigInt(input.submitTime)}${input.prompt}${input.validatorHotkey}${minerHotkey}`;
const signature = Buffer.from(sr25519Sign(stringToU8a(message), pair)).toString('base64');
process.stdout.write(JSON.stringify({ minerHotkey, signature }));
