// Independent Bittensor dendrite written from ../shared/specs/bittensor.md §1 only (not from Neuron3D's C# code):
// builds a synapse body and its headers, signs "{nonce}.{dendrite_hotkey}.{axon_hotkey}.{uuid}.{body_hash}" with
// sr25519 (@polkadot/util-crypto, context "substrate"), POSTs it with node's fetch and reports what came back.
// stdin: {"url":"http://127.0.0.1:PORT","name":"Dummy","uri":"//Alice","axon":{"ip":"…","port":N,"hotkey":"SS58"},
//         "fields":{…own fields…},"hashFields":["…"],"timeout":12.0,"externalIp":"…","sends":N}
// stdout: {"hotkey":"SS58","bodyHash":"hex","message":"signed text","responses":[{"status":N,"headers":{…},"body":…}]}
// Every send repeats the same signed request, so sends > 1 is a replay. Hash fields must be ints or strings here.
import { cryptoWaitReady, encodeAddress, keyExtractSuri, keyFromPath, mnemonicToMiniSecret, sr25519PairFromSeed, sr25519Sign } from '@polkadot/util-crypto';
import { u8aToHex, stringToU8a } from '@polkadot/util';
import { sha3_256 } from '@noble/hashes/sha3';
import { randomUUID } from 'node:crypto';

const DEV_PHRASE = 'bottom drive obey lake curtain smoke basket hold race lonely fit walk';

function pairFromUri(uri) {
  const { password, path, phrase } = keyExtractSuri(DEV_PHRASE + uri);
  return keyFromPath(sr25519PairFromSeed(mnemonicToMiniSecret(phrase, password)), path, 'sr25519');
}

// §1.4: H = SHA3-256 of the UTF-8 text, lowercase hex; str() of ints and strings is their plain text.
const H = (text) => u8aToHex(sha3_256(stringToU8a(text))).slice(2);
const pyStr = (value) => {
  if (typeof value === 'string') return value;
  if (Number.isInteger(value)) return String(value);
  throw new Error(`this peer hashes only ints and strings, not ${JSON.stringify(value)}`);
};

// §1.3: base64 of json.dumps of an empty value of the field's type
const emptyJson = (value) => typeof value === 'string' ? '""' : typeof value === 'boolean' ? 'false'
  : typeof value === 'number' ? (Number.isInteger(value) ? '0' : '0.0') : Array.isArray(value) ? '[]' : '{}';

const input = JSON.parse(await new Promise((resolve) => {
  let text = '';
  process.stdin.on('data', (chunk) => { text += chunk; });
  process.stdin.on('end', () => resolve(text));
}));
await cryptoWaitReady();

const pair = pairFromUri(input.uri);
const hotkey = encodeAddress(pair.publicKey, 42);
const nonce = BigInt(Date.now()) * 1000000n; // time_ns(); beyond 2^53, so it is spliced into the JSON as text
const uuid = randomUUID();
const timeout = input.timeout ?? 12.0;
const bodyHash = H((input.hashFields ?? []).map((field) => H(pyStr(input.fields[field]))).join(''));
const message = `${nonce}.${hotkey}.${input.axon.hotkey}.${uuid}.${bodyHash}`;
const signature = u8aToHex(sr25519Sign(stringToU8a(message), pair));

const dendrite = { status_code: null, status_message: null, process_time: null, ip: input.externalIp ?? null, port: null,
  version: 10002000, nonce: '__NONCE__', uuid, hotkey, signature };
const axon = { status_code: null, status_message: null, process_time: null, ip: input.axon.ip, port: input.axon.port,
  version: null, nonce: null, uuid: null, hotkey: input.axon.hotkey, signature: null };
const body = JSON.stringify({ name: input.name, timeout, total_size: 0, header_size: 0, dendrite, axon, computed_body_hash: '', ...input.fields })
  .replace('"__NONCE__"', nonce.toString());

const headers = { 'content-type': 'application/json', name: input.name, timeout: timeout.toFixed(1) };
for (const [field, value] of Object.entries(axon)) if (value !== null) headers[`bt_header_axon_${field}`] = String(value);
for (const [field, value] of Object.entries({ ...dendrite, nonce })) if (value !== null) headers[`bt_header_dendrite_${field}`] = String(value);
for (const field of input.required ?? [])
  headers[`bt_header_input_obj_${field}`] = Buffer.from(emptyJson(input.fields[field])).toString('base64');
headers.header_size = '0';
headers.total_size = String(Buffer.byteLength(body));
headers.computed_body_hash = bodyHash;

const responses = [];
for (let i = 0; i < (input.sends ?? 1); i++) {
  const response = await fetch(`${input.url}/${input.name}`, { method: 'POST', headers, body });
  const text = await response.text();
  let parsed;
  try { parsed = JSON.parse(text); } catch { parsed = text; }
  responses.push({ status: response.status, headers: Object.fromEntries(response.headers.entries()), body: parsed });
}
process.stdout.write(JSON.stringify({ hotkey, bodyHash, message, responses }));
