// Runs a TensorFlow.js graph model on the pure-JS CPU backend and writes the chosen outputs as raw
// little-endian float32 files, for the converter's parity test (TfjsCenternetParityTest).
//
// usage: node run-graph-model.js MODEL.json INPUT.f32 H,W,C OUTDIR OUTPUT_NAME...
// INPUT.f32 holds one NHWC float32 image; each output OUTPUT_NAME is written to OUTDIR/<index>.f32 and its
// shape to OUTDIR/<index>.shape (comma-separated).
'use strict';
const fs = require('fs');
const path = require('path');
const tf = require('@tensorflow/tfjs');

async function main() {
  const [modelJson, inputFile, dims, outDir, ...outputs] = process.argv.slice(2);
  if (!outputs.length) {
    throw new Error('usage: node run-graph-model.js MODEL.json INPUT.f32 H,W,C OUTDIR OUTPUT_NAME...');
  }
  await tf.setBackend('cpu');
  const json = JSON.parse(fs.readFileSync(modelJson, 'utf8'));
  const specs = [];
  const buffers = [];
  for (const group of json.weightsManifest) {
    for (const p of group.paths) {
      buffers.push(fs.readFileSync(path.join(path.dirname(modelJson), p)));
    }
    specs.push(...group.weights);
  }
  const all = Buffer.concat(buffers);
  const weightData = all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength);
  const model = await tf.loadGraphModel(tf.io.fromMemory({
    modelTopology: json.modelTopology, weightSpecs: specs, weightData, format: json.format,
  }));
  const [h, w, c] = dims.split(',').map(Number);
  const raw = fs.readFileSync(inputFile);
  const pixels = new Float32Array(raw.buffer, raw.byteOffset, raw.byteLength / 4);
  if (pixels.length !== h * w * c) {
    throw new Error(`${inputFile} holds ${pixels.length} floats, not ${h}x${w}x${c}`);
  }
  const input = tf.tensor4d(pixels, [1, h, w, c]);
  const results = model.execute(input, outputs);
  const list = Array.isArray(results) ? results : [results];
  fs.mkdirSync(outDir, { recursive: true });
  for (let i = 0; i < list.length; i++) {
    const values = list[i].dataSync();
    fs.writeFileSync(path.join(outDir, `${i}.f32`), Buffer.from(values.buffer, values.byteOffset, values.byteLength));
    fs.writeFileSync(path.join(outDir, `${i}.shape`), list[i].shape.join(','));
  }
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : String(e));
  process.exit(1);
});
