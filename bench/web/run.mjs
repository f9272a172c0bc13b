// Runs the browser benchmarks headless in Debian's Chromium (playwright-core, never a
// downloaded browser) against bench/web/server.mjs on 127.0.0.1, prints markdown tables on
// stdout and writes bench/results/web.json.
//
//   node bench/web/run.mjs [--quick] [--skip=sizes,cold,paste,long,tools]
//
// Parts:
//   sizes  every file the app page (www/index.html) downloads on a first visit, its service
//          worker's precache included: raw, gzip -9, brotli (quality 11)
//   cold   fresh browser profile per run: navigation start -> first <mark> in the view, plus
//          the app's own `dateline:annotated` event; and a repeat visit in the same profile
//   paste  the sample article put into the text area as a paste (input event): -> marks drawn
//          (MutationObserver, then the next requestAnimationFrame), split into the app's debounce
//          wait and the rest
//   long   ~1 MB of Reuters stories pasted into the app's text area: paste -> the app's
//          `dateline:annotated` event for that text, with the app's pool of workers (one per
//          core, at most 4) and with one worker (navigator.hardwareConcurrency reported as 1)
//   tools  bench/web/bench.html: Dateline wasm vs compromise(+dates) vs wink-nlp
import { chromium } from 'playwright-core';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { gzipSync, brotliCompressSync, constants as Z } from 'node:zlib';
import os from 'node:os';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { startServer, fileFor, ROOT, SHARED } from './server.mjs';

const argv = process.argv.slice(2);
const QUICK = argv.includes('--quick');
const SKIP = new Set((argv.find((a) => a.startsWith('--skip=')) ?? '--skip=').slice(7).split(',').filter(Boolean));
const COLD_RUNS = QUICK ? 2 : 7;
const PASTE_RUNS = QUICK ? 3 : 9;
const LONG_CHARS = QUICK ? 300_000 : 1_000_000;
const LONG_RUNS = QUICK ? 2 : 3;
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const SAMPLE_REF = '2021-12-30';

const err = (...a) => console.error(...a);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? null : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const r1 = (x) => (x == null ? null : Math.round(x * 10) / 10);
const fmt = (n) => (n == null ? '–' : typeof n === 'number' ? n.toLocaleString('en-US') : String(n));

function table(head, rows) {
  const lines = [`| ${head.join(' | ')} |`, `| ${head.map((h, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`];
  for (const r of rows) lines.push(`| ${r.map(fmt).join(' | ')} |`);
  return lines.join('\n');
}

// Runs in the app page before its own scripts: records when the first highlight is in the view
// (next animation frame after the mutation), the app's `dateline:annotated` events, and when the
// app's debounce timer (setTimeout 120/500 ms before annotating typed or pasted text) fires.
function instrument() {
  const b = (window.__bench = { marks: null, annotated: [], debounceFired: null });
  const orig = window.setTimeout;
  window.setTimeout = function (fn, delay, ...rest) {
    if (typeof fn === 'function' && (delay === 120 || delay === 500)) {
      const f = fn;
      fn = function (...args) {
        b.debounceFired = performance.now();
        return f.apply(this, args);
      };
    }
    return orig.call(this, fn, delay, ...rest);
  };
  // The annotator worker's 'ready' message (wasm fetched, compiled, instantiated, warmed up).
  const W = window.Worker;
  window.Worker = function (...args) {
    const w = new W(...args);
    w.addEventListener('message', (ev) => {
      if (ev.data?.type === 'ready' && !b.ready) {
        // The worker's clock starts when it does: its timeOrigin dates it on the page's clock.
        const started = ev.data.timeOrigin != null ? ev.data.timeOrigin - performance.timeOrigin : null;
        b.ready = {
          at: performance.now(),
          warmupMs: ev.data.warmupMs ?? null,
          workerStartedAt: started,
          wasmReadyAt: started != null && ev.data.initAt != null ? started + ev.data.initAt : null,
        };
      }
    });
    return w;
  };
  window.Worker.prototype = W.prototype;
  document.addEventListener('dateline:annotated', (ev) => {
    b.annotated.push({ at: performance.now(), ms: ev.detail?.ms ?? null, tokens: ev.detail?.tokens ?? null });
  });
  const watch = () => {
    const view = document.getElementById('view');
    if (!view) return false;
    const obs = new MutationObserver(() => {
      if (b.marks === null && view.querySelector('mark.ent')) {
        b.marks = 'pending';
        const seen = performance.now();
        requestAnimationFrame(() => {
          b.marks = { mutation: seen, frame: performance.now() };
        });
        obs.disconnect();
      }
    });
    obs.observe(view, { childList: true, subtree: true });
    return true;
  };
  if (!watch()) document.addEventListener('DOMContentLoaded', watch, { once: true });
}

async function newPage(browser, opts = {}) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, ...opts });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  context.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()} ${r.url()}`);
  });
  return { context, page, problems };
}

async function waitFirstMarks(page) {
  await page.waitForFunction(() => window.__bench?.marks && window.__bench.marks !== 'pending' && window.__bench.annotated.length > 0, null, {
    timeout: 60000,
  });
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    return {
      marks: window.__bench.marks,
      annotated: window.__bench.annotated[0],
      ready: window.__bench.ready ?? null,
      nav: nav && {
        responseEnd: nav.responseEnd,
        domContentLoaded: nav.domContentLoadedEventEnd,
        load: nav.loadEventEnd,
      },
    };
  });
}

// ---- sizes ----

async function sizes(browser, base) {
  const { context, page, problems } = await newPage(browser);
  const seen = new Map();
  context.on('request', (r) => {
    const u = new URL(r.url());
    if (!seen.has(u.href)) seen.set(u.href, { url: u, from: r.serviceWorker() ? 'service worker' : r.frame() ? 'page' : 'worker' });
  });
  await page.addInitScript(instrument);
  await page.goto(`${base}www/index.html`);
  await waitFirstMarks(page);
  // Let the service worker install (it precaches the page's files).
  await page.evaluate(() => navigator.serviceWorker?.ready.then(() => true)).catch(() => {});
  await page.waitForTimeout(500);
  await context.close();
  const foreign = [...seen.values()].filter((s) => s.url.origin !== new URL(base).origin);
  const files = new Map();
  for (const { url, from } of seen.values()) {
    if (url.origin !== new URL(base).origin) continue;
    const file = fileFor(url.pathname.endsWith('/') ? `${url.pathname}index.html` : url.pathname);
    if (!file) continue;
    const key = path.relative(ROOT, file);
    if (files.has(key)) continue;
    let body;
    try {
      body = await readFile(file);
    } catch {
      continue;
    }
    files.set(key, {
      file: key,
      from,
      raw: body.length,
      gzip: gzipSync(body, { level: 9 }).length,
      brotli: brotliCompressSync(body, {
        params: { [Z.BROTLI_PARAM_QUALITY]: 11, [Z.BROTLI_PARAM_SIZE_HINT]: body.length },
      }).length,
    });
  }
  const list = [...files.values()].sort((a, b) => b.raw - a.raw);
  const total = list.reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  return { files: list, total, foreignRequests: foreign.map((f) => f.url.href), problems };
}

// ---- cold start ----

async function coldStart(browser, base) {
  const runs = [];
  let repeat = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    const { context, page, problems } = await newPage(browser); // fresh profile: empty caches
    await page.addInitScript(instrument);
    await page.goto(`${base}www/index.html`);
    const t = await waitFirstMarks(page);
    runs.push({ ...t, problems });
    err(`  cold ${i + 1}: first marks drawn at ${t.marks.frame.toFixed(1)} ms`);
    if (i < 3) {
      // A repeat visit in the same profile (HTTP cache revalidated, service worker installed).
      await page.evaluate(() => navigator.serviceWorker?.ready.then(() => true)).catch(() => {});
      await page.goto(`${base}www/index.html`);
      const t2 = await waitFirstMarks(page);
      repeat.push(t2);
      err(`  repeat visit ${i + 1}: first marks drawn at ${t2.marks.frame.toFixed(1)} ms`);
    }
    await context.close();
  }
  const sum = (xs) => ({
    firstMarksFrameMs: r1(median(xs.map((r) => r.marks.frame))),
    firstMarksMutationMs: r1(median(xs.map((r) => r.marks.mutation))),
    annotatedEventMs: r1(median(xs.map((r) => r.annotated.at))),
    workerAnnotateMs: r1(median(xs.map((r) => r.annotated.ms))),
    responseEndMs: r1(median(xs.map((r) => r.nav.responseEnd))),
    domContentLoadedMs: r1(median(xs.map((r) => r.nav.domContentLoaded))),
    workerReadyMs: r1(median(xs.filter((r) => r.ready).map((r) => r.ready.at))),
    workerWarmupMs: r1(median(xs.filter((r) => r.ready?.warmupMs != null).map((r) => r.ready.warmupMs))),
    workerStartedMs: r1(median(xs.filter((r) => r.ready?.workerStartedAt != null).map((r) => r.ready.workerStartedAt))),
    wasmReadyMs: r1(median(xs.filter((r) => r.ready?.wasmReadyAt != null).map((r) => r.ready.wasmReadyAt))),
    runs: xs.map((r) => r1(r.marks.frame)),
  });
  return { cold: sum(runs), repeat: sum(repeat), problems: runs.flatMap((r) => r.problems) };
}

// ---- paste to highlights ----

async function pasteToHighlights(browser, base, sample) {
  const { context, page, problems } = await newPage(browser);
  await page.addInitScript(instrument);
  await page.goto(`${base}www/index.html`);
  await waitFirstMarks(page);
  await page.evaluate((d) => {
    document.getElementById('reference-date').value = d; // as a user would have set it before
  }, SAMPLE_REF);
  const runs = [];
  for (let i = 0; i < PASTE_RUNS; i++) {
    // Empty the text area and wait until the view is empty.
    await page.evaluate(() => {
      const input = document.getElementById('input');
      input.value = '';
      input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'deleteContentBackward' }));
    });
    await page.waitForFunction(() => !document.querySelector('#view mark.ent') && document.getElementById('view').textContent === '', null, {
      timeout: 30000,
    });
    await page.waitForTimeout(300);
    const r = await page.evaluate(
      (text) =>
        new Promise((resolve, reject) => {
          const b = window.__bench;
          const view = document.getElementById('view');
          const input = document.getElementById('input');
          const before = b.annotated.length;
          b.debounceFired = null;
          let done = false;
          const check = () => {
            if (done || view.textContent !== text || !view.querySelector('mark.ent')) return;
            done = true;
            obs.disconnect();
            const mutation = performance.now();
            requestAnimationFrame(() => {
              const frame = performance.now();
              const ev = b.annotated[before];
              resolve({
                t0,
                mutation: mutation - t0,
                frame: frame - t0,
                debounce: b.debounceFired == null ? null : b.debounceFired - t0,
                afterDebounce: b.debounceFired == null ? null : frame - b.debounceFired,
                workerMs: ev?.ms ?? null,
                tokens: ev?.tokens ?? null,
                marks: view.querySelectorAll('mark.ent').length,
              });
            });
          };
          const obs = new MutationObserver(check);
          obs.observe(view, { childList: true, subtree: true, characterData: true });
          setTimeout(() => !done && reject(new Error('no highlights within 30 s')), 30000);
          const t0 = performance.now();
          input.value = text;
          input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
        }),
      sample,
    );
    runs.push(r);
    err(`  paste ${i + 1}: highlights drawn at ${r.frame.toFixed(1)} ms (debounce ${r.debounce?.toFixed(1)} ms, then ${r.afterDebounce?.toFixed(1)} ms; worker ${r.workerMs?.toFixed?.(1)} ms)`);
  }
  await context.close();
  return {
    pasteToFrameMs: r1(median(runs.map((r) => r.frame))),
    debounceMs: r1(median(runs.map((r) => r.debounce))),
    afterDebounceMs: r1(median(runs.map((r) => r.afterDebounce))),
    workerAnnotateMs: r1(median(runs.map((r) => r.workerMs))),
    marks: runs[0]?.marks,
    tokens: runs[0]?.tokens,
    runs: runs.map((r) => r1(r.frame)),
    runsAfterDebounce: runs.map((r) => r1(r.afterDebounce)),
    problems,
  };
}

// ---- long paste: pool of workers vs one ----

/** The first Reuters stories up to `limit` characters, joined by blank lines (as bench.js does). */
async function reutersText(limit) {
  const stories = [];
  let n = 0;
  for (const line of (await readFile(path.join(SHARED, 'data/unlabeled/reuters21578.jsonl'), 'utf8')).split('\n')) {
    if (n >= limit) break;
    if (!line.trim()) continue;
    const j = JSON.parse(line);
    if (!j.text?.trim()) continue;
    stories.push(j.text);
    n += j.text.length + 2;
  }
  return { text: stories.join('\n\n'), stories: stories.length };
}

async function longPaste(browser, base, text, workers) {
  const { context, page, problems } = await newPage(browser);
  // One worker: the app sizes its pool by navigator.hardwareConcurrency.
  if (workers === 1) await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => 1 }));
  await page.addInitScript(instrument);
  await page.goto(`${base}www/index.html`);
  await waitFirstMarks(page);
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  const runs = [];
  for (let i = 0; i < LONG_RUNS; i++) {
    // The same text again (not cleared in between, which would also end the pool's workers);
    // the first run includes starting the pool.
    const r = await page.evaluate(
      (t) =>
        new Promise((resolve, reject) => {
          const b = window.__bench;
          b.debounceFired = null;
          const onDone = (ev) => {
            if (ev.detail.text.length !== t.length) return;
            document.removeEventListener('dateline:annotated', onDone);
            const at = performance.now();
            resolve({ total: at - t0, afterDebounce: b.debounceFired == null ? null : at - b.debounceFired, appMs: ev.detail.ms, tokens: ev.detail.tokens });
          };
          document.addEventListener('dateline:annotated', onDone);
          setTimeout(() => reject(new Error('not annotated within 240 s')), 240000);
          const input = document.getElementById('input');
          const t0 = performance.now();
          input.value = t;
          input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
        }),
      text,
    );
    r.tokensPerSec = Math.round(r.tokens / (r.afterDebounce / 1000));
    runs.push(r);
    err(`  ${workers === 1 ? 'one worker' : `pool (${cores} cores)`} ${i + 1}: annotated ${r.tokens} tokens ${r.afterDebounce.toFixed(0)} ms after the debounce (${r.tokensPerSec} tokens/s)`);
  }
  // The annotator alone, same text, same page (now idle): an Annotator of its own, its pool
  // started and warm, without the app drawing the view meanwhile.
  const alone = await page.evaluate(
    async ([t, w, n]) => {
      const { Annotator } = await import('./annotator.js');
      const a = new Annotator({ workers: w });
      await a.annotate(t.slice(0, 150_000)); // starts the pool
      const ms = [];
      for (let i = 0; i < n; i++) {
        const t0 = performance.now();
        await a.annotate(t, {}, () => {});
        ms.push(performance.now() - t0);
      }
      for (const s of a.slots) s.worker.terminate();
      return ms;
    },
    [text, workers === 1 ? 1 : Math.min(cores, 4), LONG_RUNS],
  );
  err(`  annotator alone: ${alone.map((x) => x.toFixed(0)).join(', ')} ms`);
  await context.close();
  return {
    workers: workers === 1 ? 1 : `pool: min(${cores} cores, 4)`,
    tokens: runs[0]?.tokens,
    medianAfterDebounceMs: r1(median(runs.map((r) => r.afterDebounce))),
    medianTokensPerSec: median(runs.map((r) => r.tokensPerSec)),
    medianAnnotatorMs: r1(median(runs.map((r) => r.appMs))),
    aloneMs: alone.map(r1),
    aloneMedianMs: r1(median(alone)),
    aloneTokensPerSec: Math.round(runs[0].tokens / (median(alone) / 1000)),
    runs: runs.map((r) => ({ totalMs: r1(r.total), afterDebounceMs: r1(r.afterDebounce), appMs: r1(r.appMs), tokensPerSec: r.tokensPerSec })),
    problems,
  };
}

// ---- tools page ----

async function tools(browser, base) {
  const { context, page, problems } = await newPage(browser);
  const foreign = [];
  context.on('request', (r) => {
    if (new URL(r.url()).origin !== new URL(base).origin) foreign.push(r.url());
  });
  page.on('console', (m) => {
    if (m.text().startsWith('[bench]')) err(`  ${m.text().slice(8)}`);
  });
  await page.goto(`${base}bench/web/bench.html${QUICK ? '?quick=1' : ''}`);
  const results = await page.evaluate(() => window.benchDone, null);
  await context.close();
  return { ...results, foreignRequests: foreign, problems };
}

/** The commit measured, and whether the build's sources had uncommitted changes. */
function gitInfo() {
  try {
    const git = (...a) => execFileSync('git', a, { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = git('status', '--porcelain', '--', 'src', 'wasm', 'www', 'models', 'Cargo.toml', 'Cargo.lock');
    return { commit: git('rev-parse', '--short', 'HEAD'), uncommittedSourceFiles: dirty ? dirty.split('\n').length : 0 };
  } catch {
    return null;
  }
}

// ---- main ----

const loadBefore = os.loadavg();
const server = await startServer(0);
const base = server.url;
err(`serving ${ROOT} at ${base}`);
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const out = {
  date: new Date().toISOString(),
  machine: {
    cpu: os.cpus()[0]?.model,
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    loadavgBefore: loadBefore.map((x) => +x.toFixed(2)),
  },
  build: gitInfo(),
  browser: `Chromium ${browser.version()} (headless, ${CHROMIUM})`,
  quick: QUICK,
};
try {
  let sample = null;
  try {
    sample = await readFile(path.join(SHARED, 'samples/biden-putin-call.txt'), 'utf8');
  } catch {
    err('warning: ../shared/samples/biden-putin-call.txt not found; paste and tool benchmarks need it');
  }
  if (!SKIP.has('sizes')) {
    err('==> sizes: files downloaded by www/index.html');
    out.sizes = await sizes(browser, base);
  }
  if (!SKIP.has('cold')) {
    err(`==> cold start: ${COLD_RUNS} fresh profiles`);
    out.coldStart = await coldStart(browser, base);
  }
  if (!SKIP.has('paste') && sample) {
    err(`==> paste to highlights: ${PASTE_RUNS} pastes of the sample article`);
    out.paste = await pasteToHighlights(browser, base, sample);
  }
  if (!SKIP.has('long')) {
    let long = null;
    try {
      long = await reutersText(LONG_CHARS);
    } catch {
      err('warning: ../shared/data/unlabeled/reuters21578.jsonl not found; the long paste needs it');
    }
    if (long) {
      err(`==> long paste: ${long.text.length} characters (${long.stories} Reuters stories), ${LONG_RUNS} runs, pool then one worker`);
      const loadavg = os.loadavg()[0];
      out.long = { chars: long.text.length, stories: long.stories, loadavg1Before: +loadavg.toFixed(2) };
      out.long.pool = await longPaste(browser, base, long.text, 0);
      out.long.one = await longPaste(browser, base, long.text, 1);
      out.long.loadavg1After = +os.loadavg()[0].toFixed(2);
    }
  }
  if (!SKIP.has('tools') && sample) {
    err('==> tools: bench/web/bench.html');
    out.tools = await tools(browser, base);
  }
} finally {
  await browser.close();
  await server.close();
}
out.machine.loadavgAfter = os.loadavg().map((x) => +x.toFixed(2));

// ---- report ----

const md = [];
md.push(`# Dateline browser benchmarks — ${out.date}`);
md.push('');
md.push(
  `Commit ${out.build?.commit ?? '?'}${out.build?.uncommittedSourceFiles ? ` plus uncommitted changes in ${out.build.uncommittedSourceFiles} source files (shared working tree)` : ''}. ${out.browser}; ${out.machine.cpu}, ${out.machine.cores} cores, ${out.machine.memoryGiB} GiB; load average ${out.machine.loadavgBefore.join(' ')} before, ${out.machine.loadavgAfter.join(' ')} after${QUICK ? '; QUICK run (smaller texts, fewer repetitions)' : ''}.`,
);
const t = out.tools;
if (t?.tools) {
  md.push('');
  md.push(
    `## Throughput (same page, same texts)\n\nSample article: ${fmt(t.texts.sample.words)} words. Corpus: ${fmt(t.texts.corpus.stories)} Reuters stories, ${fmt(t.texts.corpus.chars)} characters, ${fmt(t.texts.corpus.words)} words, one call per story. Tokens are each tool's own count; words are the text's whitespace-separated words (the same for every tool).`,
  );
  md.push('');
  const rows = [];
  for (const [key, r] of Object.entries(t.tools)) {
    if (r.error) {
      rows.push([key, r.error, '', '', '', '', '', '']);
      continue;
    }
    rows.push([r.name, r.loadMs, r.sample.msPerDoc, r.sample.tokensPerSec, r.corpus.msPerPass, r.corpus.tokens, r.corpus.tokensPerSec, r.corpus.wordsPerSec]);
  }
  md.push(table(['tool', 'load ms', 'sample ms/doc', 'sample tokens/s', '1 MB ms', '1 MB tokens', '1 MB tokens/s', '1 MB words/s'], rows));
  const ce = t.tools.compromise?.corpus?.dateErrorsPerPass;
  if (ce) md.push(`\ncompromise-dates threw ("isValid is not a function") on ${ce} of the ${t.texts.corpus.stories} stories per pass; caught, and their time is included.`);
  const ratioRows = Object.entries(t.ratios ?? {}).map(([k, v]) => [`Dateline / ${k}`, v.sampleTokens, v.sampleWords, v.corpusTokens, v.corpusWords]);
  if (ratioRows.length) {
    md.push('');
    md.push(table(['ratio', 'sample tokens/s', 'sample words/s', '1 MB tokens/s', '1 MB words/s'], ratioRows));
  }
  if (t.memory && !t.memory.error) {
    const { whole, pieces } = t.memory;
    md.push('');
    md.push('## Wasm linear memory (`memory.buffer.byteLength`, fresh instance in a worker of its own)');
    md.push('');
    const rows = [];
    for (const run of [whole, pieces]) {
      const how = run.mode === 'whole' ? 'one call per text' : '20,000-unit pieces (as the page does)';
      for (const s of run.steps) rows.push([how, s.step, s.mb, s.chars ?? '', s.tokens ?? '', s.ms ?? '']);
      for (const u of run.unfinished ?? []) rows.push([how, u, `not finished: stopped after ${run.stoppedAfterMs / 1000} s`, '', '', '']);
      if (run.error) rows.push([how, 'error', run.error, '', '', '']);
    }
    md.push(table(['how', 'after', 'MB', 'chars', 'tokens', 'ms'], rows));
  } else if (t.memory?.error) md.push(`\nMemory: failed: ${t.memory.error}`);
}
if (out.coldStart) {
  const c = out.coldStart;
  md.push('');
  md.push(`## App page (www/index.html): cold start, median of ${COLD_RUNS} fresh profiles (ms from navigation start)`);
  md.push('');
  md.push(
    table(
      ['visit', 'HTML received', 'worker started', 'wasm instantiated', 'DOMContentLoaded', 'annotator ready (warm-up ms)', 'annotated event', 'first marks drawn (rAF)', 'worker annotate ms', 'runs'],
      [
        ['first (empty cache)', c.cold.responseEndMs, c.cold.workerStartedMs, c.cold.wasmReadyMs, c.cold.domContentLoadedMs, `${fmt(c.cold.workerReadyMs)} (${fmt(c.cold.workerWarmupMs)})`, c.cold.annotatedEventMs, c.cold.firstMarksFrameMs, c.cold.workerAnnotateMs, c.cold.runs.join(', ')],
        ['repeat (same profile)', c.repeat.responseEndMs, c.repeat.workerStartedMs, c.repeat.wasmReadyMs, c.repeat.domContentLoadedMs, `${fmt(c.repeat.workerReadyMs)} (${fmt(c.repeat.workerWarmupMs)})`, c.repeat.annotatedEventMs, c.repeat.firstMarksFrameMs, c.repeat.workerAnnotateMs, c.repeat.runs.join(', ')],
      ],
    ),
  );
}
if (out.paste) {
  const p = out.paste;
  md.push('');
  md.push(`## Paste to highlights drawn, sample article (${fmt(p.tokens)} tokens, ${fmt(p.marks)} marks), median of ${PASTE_RUNS}`);
  md.push('');
  md.push(
    table(
      ['paste → marks drawn (rAF)', "of which the app's debounce", 'debounce fired → drawn', 'worker annotate'],
      [[p.pasteToFrameMs, p.debounceMs, p.afterDebounceMs, p.workerAnnotateMs]],
    ),
  );
}
if (out.long) {
  const l = out.long;
  md.push('');
  md.push(
    `## Long paste: ${fmt(l.chars)} characters (${fmt(l.stories)} Reuters stories) pasted into the app, until its \`dateline:annotated\` event (${LONG_RUNS} runs each, same page; load average ${l.loadavg1Before} before, ${l.loadavg1After} after)`,
  );
  md.push('');
  md.push(
    "Times from the app's 500 ms debounce (for long texts) to the event, which includes the app's main-thread work (drawing each piece's highlights as it comes, then the legend and side panel); *annotator ms* is the annotator's own time (the `ms` it reports: one worker's loop over the pieces, or the pool's wall time from the first piece handed out to the last merged). The first run of the pool includes starting its extra workers.",
  );
  md.push('');
  const rows = [l.pool, l.one].map((r) => [r.workers, r.tokens, r.medianAfterDebounceMs, r.medianTokensPerSec, r.medianAnnotatorMs, r.runs.map((x) => x.afterDebounceMs).join(', '), r.aloneMedianMs, r.aloneTokensPerSec]);
  md.push(table(['workers', 'tokens', 'paste: median ms', 'paste: tokens/s', 'paste: annotator ms', 'paste: runs (ms)', 'annotator alone: median ms', 'alone: tokens/s'], rows));
  md.push('');
  md.push(
    `Pool / one worker: ${(l.pool.medianTokensPerSec / l.one.medianTokensPerSec).toFixed(2)}× on the paste, ${(l.pool.aloneTokensPerSec / l.one.aloneTokensPerSec).toFixed(2)}× for the annotator alone (an \`Annotator\` of its own in the same page, pool started, ${LONG_RUNS} runs, no view drawn meanwhile).`,
  );
}
if (out.sizes) {
  const s = out.sizes;
  md.push('');
  md.push('## Download size of www/index.html (every file requested on a first visit, service-worker precache included)');
  md.push('');
  const rows = s.files.map((f) => [f.file, f.raw, f.gzip, f.brotli]);
  rows.push(['**total**', s.total.raw, s.total.gzip, s.total.brotli]);
  md.push(table(['file', 'raw bytes', 'gzip -9', 'brotli 11'], rows));
  md.push('');
  md.push(`Requests to another origin: ${s.foreignRequests.length ? s.foreignRequests.join(', ') : 'none'}.`);
}
const problems = [...(out.sizes?.problems ?? []), ...(out.coldStart?.problems ?? []), ...(out.paste?.problems ?? []), ...(out.long?.pool?.problems ?? []), ...(out.long?.one?.problems ?? []), ...(out.tools?.problems ?? [])];
if (problems.length) md.push(`\nPage errors seen: ${[...new Set(problems)].join('; ')}`);
if (out.tools?.foreignRequests?.length) md.push(`\nBench page requests to another origin: ${out.tools.foreignRequests.join(', ')}`);

console.log(md.join('\n'));
const resultsDir = path.join(ROOT, 'bench/results');
await mkdir(resultsDir, { recursive: true });
// A run of some parts only gets a file of its own (named by those parts), not the full run's.
const PARTS = ['sizes', 'cold', 'paste', 'long', 'tools'];
const ran = PARTS.filter((p) => !SKIP.has(p));
const file = path.join(resultsDir, `web${ran.length < PARTS.length ? `-${ran.join('-')}` : ''}${QUICK ? '-quick' : ''}.json`);
await writeFile(file, `${JSON.stringify(out, null, 2)}\n`);
err(`wrote ${path.relative(ROOT, file)}`);
