// Wasm linear memory of a fresh Dateline instance in a worker of its own (so that a call that
// takes too long can be stopped by terminating the worker, and the page's other instance does
// not count). In: { mode: 'whole' | 'pieces', texts: [{ label, text }], ref }.
// Out: { step, mb, ms?, chars?, tokens? } after each step, then { step: 'done' }.
import init, { annotate } from '/www/pkg/dateline_wasm.js';
import { pieceBounds, PIECE } from '/www/chunks.js';

self.onmessage = async ({ data }) => {
  const { memory } = await init({ module_or_path: '/www/pkg/dateline_wasm_bg.wasm' });
  const snap = (step, extra = {}) => postMessage({ step, mb: +(memory.buffer.byteLength / 2 ** 20).toFixed(1), ...extra });
  snap('init');
  annotate('Warm-up in Vienna on Friday.', {});
  snap('warm-up');
  for (const { label, text } of data.texts) {
    const t0 = performance.now();
    let tokens = 0;
    if (data.mode === 'whole') {
      tokens = annotate(text, { referenceDate: data.ref }).tokens;
    } else {
      // The page's own way for long texts (www/chunks.js): pieces of about 20,000 UTF-16 units.
      const b = pieceBounds(text, PIECE);
      for (let i = 0; i + 1 < b.length; i++) tokens += annotate(text.slice(b[i], b[i + 1]), { referenceDate: data.ref }).tokens;
    }
    snap(label, { ms: Math.round(performance.now() - t0), chars: text.length, tokens });
  }
  // Clearing: the page annotates the emptied text area; the last result is dropped.
  annotate('', {});
  snap('cleared');
  postMessage({ step: 'done' });
};
