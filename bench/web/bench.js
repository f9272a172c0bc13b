// Browser benchmark (issue 8): Dateline's wasm build, compromise (+ compromise-dates) and
// wink-nlp (+ wink-eng-lite-web-model) on one page and the same texts.
//
// Texts are read at run time from /shared/ (../shared beside the repository, served by
// bench/web/server.mjs): the sample article, and ~1 MB of Reuters stories taken in file order
// from reuters21578.jsonl. Nothing of them is stored in the repository.
//
// What each tool does per document:
//   Dateline:   annotate(text, { referenceDate })  (tokens, sentences, entities, dates resolved,
//               clusters)
//   compromise: nlp(text); terms; .people() .places() .organizations() as arrays;
//               .dates({ today }).get() (compromise-dates, dates resolved)
//   wink:       nlp.readDoc(text); tokens; entities().out(its.detail)
// Each tool's tokens are its own count (Dateline's `tokens`, compromise's terms, wink's
// tokens); "words" are whitespace-separated words of the text, the same count for every tool,
// so words/s ratios are time ratios on identical input.
//
// Results: window.benchResults (and window.benchDone, a promise); progress on the console.

import { requireAsync } from './cjs.js';

const params = new URLSearchParams(location.search);
const QUICK = params.get('quick') === '1';
const TOOLS = (params.get('tools') ?? 'dateline,compromise,wink').split(',');
const MEMORY = params.get('memory') !== '0';
const CORPUS_CHARS = QUICK ? 100_000 : 1_000_000;
const BIG_CHARS = QUICK ? 2_000_000 : 10_000_000;
const SAMPLE_REF = '2021-12-30'; // the sample article's date (a call "on Thursday", Dec 30 2021)

const logEl = document.getElementById('log');
function log(msg) {
  console.log(`[bench] ${msg}`);
  logEl.textContent += `${msg}\n`;
}

const now = () => performance.now();
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const countWords = (t) => (t.match(/\S+/g) ?? []).length;
const tick = () => new Promise((r) => setTimeout(r, 0));

// ---- texts ----

async function loadTexts() {
  const sample = await (await fetch('/shared/samples/biden-putin-call.txt')).text();
  const res = await fetch('/shared/data/unlabeled/reuters21578.jsonl');
  if (!res.ok) throw new Error(`reuters21578.jsonl: HTTP ${res.status}`);
  const stories = [];
  for (const line of (await res.text()).split('\n')) {
    if (!line.trim()) continue;
    const j = JSON.parse(line);
    if (j.text && j.text.trim()) stories.push({ text: j.text, ref: j.reference_date ?? null });
  }
  const take = (limit) => {
    const out = [];
    let n = 0;
    for (const s of stories) {
      if (n >= limit) break;
      out.push(s);
      n += s.text.length + 2;
    }
    return out;
  };
  const corpus = take(CORPUS_CHARS);
  const big = take(BIG_CHARS);
  const join = (ss) => ss.map((s) => s.text).join('\n\n');
  return { sample, storiesInFile: stories.length, corpus, corpusText: join(corpus), bigText: join(big), bigStories: big.length };
}

// ---- tools ----

async function loadDateline() {
  const t0 = now();
  const mod = await import('/www/pkg/dateline_wasm.js');
  const wasm = await mod.default({ module_or_path: '/www/pkg/dateline_wasm_bg.wasm' });
  const loadMs = now() - t0;
  const t1 = now();
  mod.annotate('Warm-up in Vienna on Friday.', {});
  const firstCallMs = now() - t1;
  return {
    name: 'Dateline (wasm)',
    version: mod.version(),
    loadMs,
    firstCallMs,
    memory: wasm.memory,
    run(text, ref) {
      const r = mod.annotate(text, ref ? { referenceDate: ref } : {});
      return { tokens: r.tokens, entities: r.entities.length };
    },
  };
}

async function loadCompromise() {
  const t0 = now();
  const nlp = (await import('/node_modules/compromise/builds/three/compromise-three.mjs')).default;
  const dates = (await import('/node_modules/compromise-dates/builds/compromise-dates.mjs')).default;
  nlp.extend(dates);
  const loadMs = now() - t0;
  const t1 = now();
  nlp('Warm-up in Vienna on Friday.').dates().get();
  const firstCallMs = now() - t1;
  return {
    name: 'compromise + dates',
    version: `${nlp.version} + dates ${dates.version ?? '?'}`,
    loadMs,
    firstCallMs,
    dateErrors: 0,
    run(text, ref) {
      const doc = nlp(text);
      const tokens = doc.terms().length;
      const people = doc.people().out('array').length;
      const places = doc.places().out('array').length;
      const orgs = doc.organizations().out('array').length;
      let ds = 0;
      try {
        ds = doc.dates(ref ? { today: ref } : {}).get().length;
      } catch {
        // compromise-dates 3.9.0 throws "isValid is not a function" on a few Reuters stories
        // (with or without `today`); counted, and the time spent is still included.
        this.dateErrors++;
      }
      return { tokens, entities: people + places + orgs + ds };
    },
  };
}

async function loadWink() {
  const t0 = now();
  const winkNLP = await requireAsync('/node_modules/wink-nlp/src/wink-nlp.js');
  const model = await requireAsync('/node_modules/wink-eng-lite-web-model/dist/model.js');
  const nlp = winkNLP(model);
  const its = nlp.its;
  const loadMs = now() - t0;
  const t1 = now();
  nlp.readDoc('Warm-up in Vienna on Friday.').entities().out(its.detail);
  const firstCallMs = now() - t1;
  return {
    name: 'wink-nlp + lite web model',
    version: 'see package-lock.json',
    loadMs,
    firstCallMs,
    run(text) {
      const doc = nlp.readDoc(text);
      return { tokens: doc.tokens().length(), entities: doc.entities().out(its.detail).length };
    },
  };
}

const LOADERS = { dateline: loadDateline, compromise: loadCompromise, wink: loadWink };

// ---- measuring ----

/** The sample article, repeated: batches of >= 25 ms until >= minMs; median ms per call. */
function benchSample(tool, text, minMs) {
  const first = tool.run(text, SAMPLE_REF); // warm
  let batch = 1;
  for (;;) {
    const t0 = now();
    for (let i = 0; i < batch; i++) tool.run(text, SAMPLE_REF);
    if (now() - t0 >= 25 || batch >= 1 << 16) break;
    batch *= 2;
  }
  const perCall = [];
  const start = now();
  while (now() - start < minMs || perCall.length < 3) {
    const t0 = now();
    for (let i = 0; i < batch; i++) tool.run(text, SAMPLE_REF);
    perCall.push((now() - t0) / batch);
  }
  const ms = median(perCall);
  return { ms, calls: perCall.length * batch, tokens: first.tokens, entities: first.entities };
}

/** Passes over the corpus, one call per story; passes until maxPasses or budgetMs is spent. */
async function benchCorpus(tool, stories, { maxPasses, budgetMs }) {
  const passes = [];
  let tokens = 0;
  let entities = 0;
  const start = now();
  while (passes.length < maxPasses && (passes.length === 0 || now() - start < budgetMs)) {
    tokens = 0;
    entities = 0;
    const t0 = now();
    for (const s of stories) {
      const r = tool.run(s.text, s.ref);
      tokens += r.tokens;
      entities += r.entities;
    }
    passes.push(now() - t0);
    log(`  ${tool.name}: corpus pass ${passes.length} in ${Math.round(passes.at(-1))} ms`);
    await tick();
  }
  return { ms: median(passes), passes, tokens, entities };
}

/**
 * Wasm linear memory of fresh Dateline instances (bench/web/memory-worker.js): whole texts in
 * one annotate() call each, and the same texts in the page's 20,000-unit pieces. A whole-text
 * run still busy after `capMs` is stopped (its worker terminated) and reported as such.
 */
async function benchMemory(texts) {
  const runWorker = (mode, list, capMs) =>
    new Promise((resolve) => {
      const steps = [];
      const w = new Worker(new URL('./memory-worker.js', import.meta.url), { type: 'module' });
      const t0 = now();
      let timer = 0;
      const finish = (extra) => {
        clearTimeout(timer);
        w.terminate();
        resolve({ mode, steps, ...extra });
      };
      timer = setTimeout(() => finish({ stoppedAfterMs: capMs, unfinished: list.map((t) => t.label).filter((l) => !steps.some((s) => s.step === l)) }), capMs);
      w.onmessage = ({ data }) => {
        if (data.step === 'done') return finish({ totalMs: Math.round(now() - t0) });
        steps.push(data);
        log(`  memory (${mode}): ${data.step}: ${data.mb} MB${data.ms != null ? ` (${data.ms} ms)` : ''}`);
      };
      w.onerror = (e) => finish({ error: e.message });
      w.postMessage({ mode, texts: list, ref: texts.corpus[0].ref });
    });
  const mid = texts.bigText.slice(0, texts.bigText.lastIndexOf('\n\n', 2 * texts.corpusText.length));
  const label = (t) => `${(t.length / 1e6).toFixed(2)} MB`;
  const list = [texts.corpusText, mid, texts.bigText].map((text) => ({ label: label(text), text }));
  const whole = await runWorker('whole', list, QUICK ? 60_000 : 240_000);
  const pieces = await runWorker('pieces', [list[0], list[2]], QUICK ? 60_000 : 240_000);
  return { whole, pieces };
}

// ---- main ----

async function main() {
  const results = {
    date: new Date().toISOString(),
    userAgent: navigator.userAgent,
    hardwareConcurrency: navigator.hardwareConcurrency,
    quick: QUICK,
    crossOriginIsolated: self.crossOriginIsolated,
  };
  log('loading texts from /shared/ …');
  const texts = await loadTexts();
  const corpusWords = texts.corpus.reduce((n, s) => n + countWords(s.text), 0);
  results.texts = {
    sample: { chars: texts.sample.length, words: countWords(texts.sample), referenceDate: SAMPLE_REF },
    corpus: {
      source: 'reuters21578.jsonl, first stories in file order',
      stories: texts.corpus.length,
      storiesInFile: texts.storiesInFile,
      chars: texts.corpus.reduce((n, s) => n + s.text.length, 0),
      words: corpusWords,
      unit: 'one call per story, with its reference_date',
    },
    big: { stories: texts.bigStories, chars: texts.bigText.length },
  };
  log(`sample ${results.texts.sample.chars} chars; corpus ${texts.corpus.length} stories, ${results.texts.corpus.chars} chars, ${corpusWords} words`);

  results.tools = {};
  for (const key of TOOLS) {
    log(`${key}: loading …`);
    let tool;
    try {
      tool = await LOADERS[key]();
    } catch (err) {
      log(`${key}: could not load: ${err.message}`);
      results.tools[key] = { error: `could not load: ${err.message}` };
      continue;
    }
    const r = { name: tool.name, version: tool.version, loadMs: +tool.loadMs.toFixed(1), firstCallMs: +tool.firstCallMs.toFixed(1) };
    const s = benchSample(tool, texts.sample, QUICK ? 500 : 2000);
    r.sample = {
      msPerDoc: +s.ms.toFixed(4),
      calls: s.calls,
      tokens: s.tokens,
      entities: s.entities,
      tokensPerSec: Math.round(s.tokens / (s.ms / 1000)),
      wordsPerSec: Math.round(results.texts.sample.words / (s.ms / 1000)),
    };
    log(`  ${tool.name}: sample ${s.ms.toFixed(3)} ms/doc, ${r.sample.tokensPerSec} tokens/s`);
    await tick();
    const budget = QUICK ? 2000 : key === 'dateline' ? 15000 : 60000;
    const c = await benchCorpus(tool, texts.corpus, { maxPasses: key === 'dateline' ? 5 : 3, budgetMs: budget });
    r.corpus = {
      msPerPass: Math.round(c.ms),
      passes: c.passes.map(Math.round),
      tokens: c.tokens,
      entities: c.entities,
      tokensPerSec: Math.round(c.tokens / (c.ms / 1000)),
      wordsPerSec: Math.round(corpusWords / (c.ms / 1000)),
      charsPerSec: Math.round(results.texts.corpus.chars / (c.ms / 1000)),
    };
    log(`  ${tool.name}: corpus ${r.corpus.tokensPerSec} tokens/s, ${r.corpus.wordsPerSec} words/s`);
    if (tool.dateErrors !== undefined) r.corpus.dateErrorsPerPass = tool.dateErrors / (c.passes.length || 1);
    results.tools[key] = r;
    if (key === 'dateline') results.datelineMemoryAfterThroughputMB = +(tool.memory.buffer.byteLength / 2 ** 20).toFixed(1);
    await tick();
  }

  const d = results.tools.dateline;
  const ratio = (a, b) => (a && b ? +(a / b).toFixed(1) : null);
  results.ratios = {};
  for (const other of ['compromise', 'wink']) {
    const o = results.tools[other];
    if (!d?.sample || !o?.sample) continue;
    results.ratios[other] = {
      sampleTokens: ratio(d.sample.tokensPerSec, o.sample.tokensPerSec),
      sampleWords: ratio(d.sample.wordsPerSec, o.sample.wordsPerSec),
      corpusTokens: ratio(d.corpus.tokensPerSec, o.corpus.tokensPerSec),
      corpusWords: ratio(d.corpus.wordsPerSec, o.corpus.wordsPerSec),
    };
  }

  if (MEMORY && TOOLS.includes('dateline')) {
    log('memory: fresh Dateline instances, 1 MB and 10 MB texts …');
    try {
      results.memory = await benchMemory(texts);
    } catch (err) {
      log(`memory: failed: ${err.message}`);
      results.memory = { error: err.message };
    }
  }
  return results;
}

window.benchDone = main().then(
  (results) => {
    window.benchResults = results;
    document.getElementById('status').textContent = 'Done.';
    document.getElementById('out').textContent = JSON.stringify(results, null, 2);
    return results;
  },
  (err) => {
    log(`failed: ${err.stack ?? err}`);
    document.getElementById('status').textContent = `Failed: ${err.message}`;
    window.benchResults = { error: String(err.message ?? err) };
    return window.benchResults;
  },
);
