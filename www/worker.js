// Runs the wasm annotator off the main thread, so typing never waits for it.
//
// In:  { type: 'wasm', module } (first: a compiled WebAssembly.Module, or null to fetch it)
//      { type: 'annotate', id, text, options }  |  { type: 'cancel', id }
//      { type: 'piece', id, text, options }   (one piece of a long text, from annotator.js's pool)
//      { type: 'load-model', bytes }  |  { type: 'builtin-model' }
// Out: { type: 'ready', version, timeOrigin, initAt, warmupMs, memoryBytes } | { type: 'init-error', message }
//      { type: 'progress', id, done, total, entities }   (long texts, piece by piece)
//      { type: 'result', id, result, ms, memoryBytes }    (result.entities empty if sent as progress)
//                                                         (for a piece: its own result, not remapped)
//      { type: 'cancelled', id } | { type: 'error', id, message, fatal }
//      { type: 'model', meta } | { type: 'model-error', message }
//
// Long texts are annotated piece by piece (chunks.js), yielding between pieces so that a
// cancel or a newer job is seen; offsets, ids and clusters are remapped onto the whole text.
// Pieces sent by the pool are queued here (so the worker never waits for the main thread between
// them) and do not supersede anything: each is annotated in order unless cancelled by its id.

import init, { annotate, version, lastPanic, loadModel, useBuiltinModel } from './pkg/dateline_wasm.js';
import { WHOLE_LIMIT, pieceBounds, Merger } from './chunks.js';

let latest = 0; // id of the job that should be running; older jobs stop at their next yield
const droppedPieces = new Set(); // ids of queued pieces cancelled before they ran
let memory = null; // the wasm instance's linear memory (it only grows; see Annotator.release)
const memoryBytes = () => memory?.buffer.byteLength ?? 0;

// The page sends the compiled wasm module first (boot.js); null: fetch it here.
let receiveWasm;
const wasmModule = new Promise((resolve) => {
  receiveWasm = resolve;
});

const ready = wasmModule.then((module) => init(module ? { module_or_path: module } : undefined)).then(
  (wasm) => {
    memory = wasm.memory;
    const initAt = performance.now(); // (for the benchmark's cold-start breakdown)
    // The first call sets up the model (once); do it now so that the timings shown are the
    // annotation's own.
    const t0 = performance.now();
    try {
      annotate('Warm-up in Vienna on Friday.', {});
    } catch {
      // a real error shows on the first real call
    }
    postMessage({ type: 'ready', version: version(), timeOrigin: performance.timeOrigin, initAt, warmupMs: performance.now() - t0, memoryBytes: memoryBytes() });
  },
  (err) => {
    postMessage({ type: 'init-error', message: `could not start the WebAssembly annotator: ${messageOf(err)}` });
    throw err;
  },
);

self.onmessage = (ev) => {
  const msg = ev.data;
  if (msg.type === 'wasm') {
    receiveWasm(msg.module);
  } else if (msg.type === 'cancel') {
    if (latest === msg.id) latest = 0;
    else droppedPieces.add(msg.id);
  } else if (msg.type === 'load-model') {
    ready.then(() => {
      try {
        postMessage({ type: 'model', meta: loadModel(new Uint8Array(msg.bytes)) });
      } catch (err) {
        postMessage({ type: 'model-error', message: messageOf(err) });
      }
    }).catch(() => {});
  } else if (msg.type === 'builtin-model') {
    ready.then(() => useBuiltinModel()).catch(() => {});
  } else if (msg.type === 'annotate') {
    latest = msg.id;
    ready.then(() => run(msg)).catch(() => {});
  } else if (msg.type === 'piece') {
    ready.then(() => {
      pieces.push(msg);
      nextPiece();
    }).catch(() => {});
  }
};

// One piece per task, each after the messages that came meanwhile (a cancel must be seen
// before the pieces it cancels run): a message to ourselves queues behind them.
const pieces = [];
const hop = new MessageChannel();
let hopping = false;
function nextPiece() {
  if (hopping || !pieces.length) return;
  hopping = true;
  hop.port2.postMessage(null);
}
hop.port1.onmessage = () => {
  hopping = false;
  piece(pieces.shift());
  nextPiece();
};

function piece({ id, text, options }) {
  // The pool sends a worker its pieces in increasing id order: smaller ids are past.
  for (const d of droppedPieces) if (d < id) droppedPieces.delete(d);
  if (droppedPieces.delete(id)) return postMessage({ type: 'cancelled', id });
  const t0 = performance.now();
  let result;
  try {
    result = annotate(text, options);
  } catch (err) {
    return fail(id, err);
  }
  postMessage({ type: 'result', id, result, ms: performance.now() - t0, memoryBytes: memoryBytes() });
}

function messageOf(err) {
  return err && typeof err === 'object' && 'message' in err ? String(err.message) : String(err);
}

function fail(id, err) {
  const trapped = err instanceof WebAssembly.RuntimeError;
  const panic = trapped ? lastPanic() : null;
  postMessage({
    type: 'error',
    id,
    message: panic ? `the annotator crashed: ${panic}` : messageOf(err),
    fatal: trapped, // the wasm instance must be discarded after a trap
  });
}

// Yields to the messages that came meanwhile (a cancel, a newer job). Not setTimeout(0): nested
// timeouts wait at least 4 ms, a third of a piece's own time.
const tick = () =>
  new Promise((resolve) => {
    const c = new MessageChannel();
    c.port1.onmessage = () => resolve();
    c.port2.postMessage(null);
  });

async function run({ id, text, options }) {
  if (latest !== id) return postMessage({ type: 'cancelled', id });
  const t0 = performance.now();
  if (text.length <= WHOLE_LIMIT) {
    let result;
    try {
      result = annotate(text, options);
    } catch (err) {
      return fail(id, err);
    }
    return postMessage({ type: 'result', id, result, ms: performance.now() - t0, memoryBytes: memoryBytes() });
  }

  const bounds = pieceBounds(text);
  const merger = new Merger(text, options);
  for (let i = 0; i + 1 < bounds.length; i++) {
    await tick();
    if (latest !== id) return postMessage({ type: 'cancelled', id });
    const a = bounds[i];
    const b = bounds[i + 1];
    let r;
    try {
      r = annotate(text.slice(a, b), i === 0 ? options : merger.options);
    } catch (err) {
      return fail(id, err);
    }
    const entities = merger.add(a, b, r);
    postMessage({ type: 'progress', id, done: b, total: text.length, entities });
  }
  postMessage({
    type: 'result',
    id,
    ms: performance.now() - t0,
    memoryBytes: memoryBytes(),
    result: merger.result(),
  });
}
