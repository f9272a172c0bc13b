// Starts the annotator while the rest of the page's modules are still loading: fetching and
// compiling the wasm is the longest part of a first visit, so it should not wait for app.js and
// its imports, nor for the worker to load worker.js and the bindings before asking for it.
// Listed before app.js in index.html; annotator.js adopts the worker.

/**
 * The annotator's wasm, compiled here (off the main thread, while it downloads) and sent to
 * each worker; null when that fails, and the worker then fetches it itself and says why.
 */
export const wasmModule = WebAssembly.compileStreaming(fetch(new URL('./pkg/dateline_wasm_bg.wasm', import.meta.url))).catch(() => null);

const pending = []; // events the worker sent before annotator.js listened
let early = null;
try {
  early = new Worker(new URL('./worker.js', import.meta.url), { type: 'module', name: 'dateline-annotator' });
  const worker = early;
  wasmModule.then((module) => worker.postMessage({ type: 'wasm', module }));
  early.onmessage = (ev) => pending.push(['message', ev]);
  early.onerror = (ev) => {
    ev.preventDefault(); // annotator.js reports it
    pending.push(['error', ev]);
  };
} catch {
  early = null; // annotator.js tries again and says why it failed
}

/** The early worker with the events it has sent so far, once; null afterwards. */
export function adoptWorker() {
  const worker = early;
  early = null;
  return worker && { worker, pending: pending.splice(0) };
}
