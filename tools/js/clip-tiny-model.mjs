// Tiny linear stand-ins for CLIP's two ONNX encoders, for the C# scorer's tests (no real CLIP weights are reachable
// offline), and an oracle that computes what they must output with plain JavaScript arithmetic — no ONNX Runtime.
//   visual:  Flatten(axis 1)        → MatMul W [3·S·S, D] → Add b   (pixels [N, 3, S, S] float32 → [N, D])
//   textual: Cast(float) → Flatten  → MatMul W [L, D]     → Add b   (token ids [N, L] int64/int32 → [N, D])
// (any non-float input is cast to float first, so wrongly typed variants still load and the C# checks are reached)
// W = weightScale · uniform(−1, 1) from a seeded mulberry32 stream; b is given.
// stdin, one of:
//   {"mode": "write", "dir": "...", "models": [spec, ...]}        spec = {file, kind: "visual"|"textual", inputName,
//       outputName, inputType: "float"|"int64"|"int32", inputShape: [number | "N", ...], features?, dim, seed, weightScale, bias}
//   {"mode": "score", "visual": spec, "textual": spec, "pixels": [...], "views": n, "tokens": [...], "calibration": 0.35}
// stdout: {"written": [...]} or {"imageEmbeddings", "textEmbedding", "cosines", "geometricMean", "alignment"}
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import onnxProto from "onnx-proto";

const { onnx } = onnxProto;
const input = JSON.parse(readFileSync(0, "utf8"));

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Values per row after flattening; given explicitly when the shape has named (dynamic) sizes.
const featureCount = (spec) => spec.features ?? spec.inputShape.slice(1).reduce((p, d) => p * d, 1);

function weights(spec) {
  const random = mulberry32(spec.seed);
  const w = new Float32Array(featureCount(spec) * spec.dim);
  for (let i = 0; i < w.length; i++) w[i] = spec.weightScale * (2 * random() - 1);
  return w;
}

const elemType = { float: onnx.TensorProto.DataType.FLOAT, int64: onnx.TensorProto.DataType.INT64, int32: onnx.TensorProto.DataType.INT32 };
const dims = (shape) => shape.map((d) => (typeof d === "number" ? { dimValue: d } : { dimParam: d }));
const valueInfo = (name, type, shape) => ({ name, type: { tensorType: { elemType: type, shape: { dim: dims(shape) } } } });

function model(spec) {
  const flat = featureCount(spec);
  const cast = spec.inputType !== "float";
  const nodes = [
    ...(cast ? [{ input: [spec.inputName], output: ["as_float"], opType: "Cast", attribute: [{ name: "to", type: onnx.AttributeProto.AttributeType.INT, i: onnx.TensorProto.DataType.FLOAT }] }] : []),
    { input: [cast ? "as_float" : spec.inputName], output: ["features"], opType: "Flatten", attribute: [{ name: "axis", type: onnx.AttributeProto.AttributeType.INT, i: 1 }] },
    { input: ["features", "W"], output: ["projected"], opType: "MatMul" },
    { input: ["projected", "b"], output: [spec.outputName], opType: "Add" },
  ];
  const graph = {
    name: `tiny-${spec.kind}`,
    node: nodes,
    initializer: [
      { name: "W", dims: [flat, spec.dim], dataType: onnx.TensorProto.DataType.FLOAT, rawData: Buffer.from(weights(spec).buffer) },
      { name: "b", dims: [spec.dim], dataType: onnx.TensorProto.DataType.FLOAT, rawData: Buffer.from(new Float32Array(spec.bias).buffer) },
    ],
    input: [valueInfo(spec.inputName, elemType[spec.inputType], spec.inputShape)],
    output: [valueInfo(spec.outputName, onnx.TensorProto.DataType.FLOAT, [spec.inputShape[0], spec.dim])],
  };
  const proto = onnx.ModelProto.create({ irVersion: 8, producerName: "neuron3d-tests", opsetImport: [{ domain: "", version: 13 }], graph });
  return onnx.ModelProto.encode(proto).finish();
}

// What the model computes, in double precision: x · W + b for one row x.
function embed(spec, w, row) {
  const out = new Array(spec.dim).fill(0);
  for (let k = 0; k < row.length; k++) {
    const x = row[k];
    if (x === 0) continue;
    for (let d = 0; d < spec.dim; d++) out[d] += x * w[k * spec.dim + d];
  }
  return out.map((v, d) => v + spec.bias[d]);
}

const cosine = (a, b) => {
  let dot = 0, na = 0, nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return dot / Math.sqrt(na * nb);
};

if (input.mode === "write") {
  const written = input.models.map((spec) => {
    const path = join(input.dir, spec.file);
    writeFileSync(path, model(spec));
    return path;
  });
  process.stdout.write(JSON.stringify({ written }));
} else if (input.mode === "score") {
  const perImage = featureCount(input.visual);
  const wv = weights(input.visual), wt = weights(input.textual);
  const imageEmbeddings = [];
  for (let v = 0; v < input.views; v++) imageEmbeddings.push(embed(input.visual, wv, input.pixels.slice(v * perImage, (v + 1) * perImage)));
  const textEmbedding = embed(input.textual, wt, input.tokens);
  const cosines = imageEmbeddings.map((e) => cosine(e, textEmbedding));
  // SN17's text alignment: clip to [0, 1], geometric mean, / calibration, capped at 1.
  const clipped = cosines.map((c) => Math.min(1, Math.max(0, c)));
  const geometricMean = clipped.some((c) => c === 0) ? 0 : Math.exp(clipped.reduce((s, c) => s + Math.log(c), 0) / clipped.length);
  const alignment = Math.min(1, geometricMean / input.calibration);
  process.stdout.write(JSON.stringify({ imageEmbeddings, textEmbedding, cosines, geometricMean, alignment }));
} else {
  throw new Error(`unknown mode ${input.mode}`);
}
