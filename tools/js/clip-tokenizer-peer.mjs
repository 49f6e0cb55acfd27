// Independent CLIP tokenizer for differential tests: Hugging Face's tokenizers.js (@huggingface/tokenizers) configured
// the way HF's CLIP "fast" tokenizer.json is (NFC, whitespace runs → one space, lowercase; CLIP's split regex; byte-level
// alphabet; BPE with the "</w>" end-of-word suffix; <|startoftext|>/<|endoftext|> around the ids), with the vocabulary
// and merges built from OpenAI's bpe_simple_vocab_16e6.txt(.gz).
// stdin:  {"bpePath": "...", "texts": ["a red chair", ...], "contextLength": 77}
// stdout: {"ids": [[49406, ..., 49407, 0, ...], ...]}  (padded with 0, truncated with 49407 last, as open_clip does)
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { Tokenizer } from "@huggingface/tokenizers";

const input = JSON.parse(readFileSync(0, "utf8"));
const contextLength = input.contextLength ?? 77;

let raw = readFileSync(input.bpePath);
if (input.bpePath.endsWith(".gz")) raw = gunzipSync(raw);
// Line 0 is a version header; CLIP uses the first 49152 − 256 − 2 merges.
const merges = raw.toString("utf8").split("\n").slice(1, 49152 - 256 - 2 + 1);

// GPT-2's reversible byte → printable-character table, in CLIP's vocabulary order: the printable bytes as themselves,
// then every other byte (ascending) as U+0100, U+0101, ...
const printable = [];
for (let b = 0x21; b <= 0x7e; b++) printable.push(b);
for (let b = 0xa1; b <= 0xac; b++) printable.push(b);
for (let b = 0xae; b <= 0xff; b++) printable.push(b);
const others = [...Array(256).keys()].filter((b) => !printable.includes(b));
const ordered = [...printable.map((b) => String.fromCodePoint(b)), ...others.map((_, n) => String.fromCodePoint(256 + n))];

const vocabList = [...ordered, ...ordered.map((c) => c + "</w>"), ...merges.map((m) => m.split(" ").join("")), "<|startoftext|>", "<|endoftext|>"];
const vocab = Object.fromEntries(vocabList.map((token, id) => [token, id]));
const sot = vocab["<|startoftext|>"], eot = vocab["<|endoftext|>"];

const special = (id, content) => ({ id, content, single_word: false, lstrip: false, rstrip: false, normalized: true, special: true });
const tokenizerJson = {
  version: "1.0",
  added_tokens: [special(sot, "<|startoftext|>"), special(eot, "<|endoftext|>")],
  normalizer: {
    type: "Sequence",
    normalizers: [{ type: "NFC" }, { type: "Replace", pattern: { Regex: "\\s+" }, content: " " }, { type: "Lowercase" }],
  },
  pre_tokenizer: {
    type: "Sequence",
    pretokenizers: [
      { type: "Split", pattern: { Regex: "'s|'t|'re|'ve|'m|'ll|'d|[\\p{L}]+|[\\p{N}]|[^\\s\\p{L}\\p{N}]+" }, behavior: "Removed", invert: true },
      { type: "ByteLevel", add_prefix_space: false, trim_offsets: true, use_regex: false },
    ],
  },
  post_processor: { type: "RobertaProcessing", sep: ["<|endoftext|>", eot], cls: ["<|startoftext|>", sot], trim_offsets: false, add_prefix_space: false },
  decoder: { type: "ByteLevel", add_prefix_space: true, trim_offsets: true, use_regex: true },
  model: {
    type: "BPE", dropout: null, unk_token: "<|endoftext|>", continuing_subword_prefix: "", end_of_word_suffix: "</w>",
    fuse_unk: false, byte_fallback: false, vocab, merges,
  },
};
const tokenizer = new Tokenizer(tokenizerJson, { model_max_length: contextLength });

const ids = input.texts.map((text) => {
  let row = tokenizer.encode(text).ids.map(Number);
  if (row.length > contextLength) {
    row = row.slice(0, contextLength);
    row[contextLength - 1] = eot;
  }
  return [...row, ...Array(contextLength - row.length).fill(0)];
});
process.stdout.write(JSON.stringify({ ids }));
