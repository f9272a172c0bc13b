// Long texts on a pool of workers (issue 8): the pieces are shared out, but the result (entities
// with offsets, ids, labels, clusters; reference date; counts) and the progress (in text order)
// must be exactly those of one worker annotating the pieces in turn; cancel stops the pool, and a
// trap in any worker is reported and the pool goes on with a fresh one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openPage, trapOnMarker, useBrowser } from './helpers.mjs';

const env = useBrowser(async () => {
  env.session = await openPage(env.browser, null);
  // Workers trap on texts with "TRAP-MARKER", as a panicking core would; the other tests here
  // never send it.
  await trapOnMarker(env.session.context);
  await env.session.page.goto(env.server.url);
  await env.session.page.waitForSelector('#view mark.ent', { timeout: 20000 });
  // In the page: a ~1 MB text whose parts differ (so ids and clusters are not all alike), and
  // a helper that annotates it with a given number of workers and records everything.
  await env.session.page.evaluate(async () => {
    const s = await (await fetch('sample.txt')).text();
    const names = ['Angela Merkel', 'Joe Biden', 'Olaf Scholz', 'Emmanuel Macron', 'Giorgia Meloni'];
    const places = ['Paris', 'Berlin', 'Rome', 'Madrid', 'Warsaw', 'Prague', 'Lisbon'];
    const parts = [];
    let n = 0;
    for (let i = 0; n < 1_000_000; i++) {
      const p = `${s}\n\nPart ${i + 1}: ${names[i % 5]} met ${names[(i * 3 + 1) % 5]} in ${places[i % 7]} on ${['Monday', 'Friday', 'March 3'][i % 3]}.\n\n`;
      parts.push(p);
      n += p.length;
    }
    window.__text = parts.join('');
    // How many texts and pieces each worker was given.
    window.__sent = new Map();
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (m, ...rest) {
      if (m?.type === 'annotate' || m?.type === 'piece') window.__sent.set(this, (window.__sent.get(this) ?? 0) + 1);
      return post.call(this, m, ...rest);
    };
    const { Annotator } = await import('./annotator.js');
    window.__run = async (workers, text, options = {}, annotator = null) => {
      const a = annotator ?? new Annotator({ workers });
      window.__sent.clear();
      const progress = [];
      const entities = [];
      let error = null;
      let result = null;
      try {
        ({ result } = await a.annotate(text, options, (p) => {
          progress.push(p.done);
          entities.push(...p.entities);
        }));
      } catch (err) {
        error = err.message;
      }
      const busy = [...window.__sent.values()].filter((k) => k > 0).length;
      if (!annotator) for (const s of a.slots) s.worker.terminate();
      return { progress, entities, result, error, busy };
    };
  });
});

const run = (workers, options = {}) => env.session.page.evaluate(([w, o]) => window.__run(w, window.__text, o), [workers, options]);

test('a pool of workers gives exactly the one-worker result, with progress in text order', async (t) => {
  const bounds = await env.session.page.evaluate(async () => (await import('./chunks.js')).pieceBounds(window.__text));
  for (const options of [{}, { referenceDate: '2020-02-29' }]) {
    const t0 = Date.now();
    const one = await run(1, options);
    const t1 = Date.now();
    const pool = await run(3, options);
    const t2 = Date.now();
    t.diagnostic(`${JSON.stringify(options)}: one worker ${t1 - t0} ms, pool of 3 ${t2 - t1} ms (${pool.busy} workers got pieces)`);
    assert.equal(one.error, null);
    assert.equal(pool.error, null);
    assert.equal(one.busy, 1);
    assert.ok(pool.busy >= 2, `the pieces were shared out (${pool.busy} workers)`);
    // Progress: one message per piece, at each cut, in order.
    assert.deepEqual(one.progress, bounds.slice(1));
    assert.deepEqual(pool.progress, bounds.slice(1));
    assert.ok(one.entities.length > 10000, `${one.entities.length} entities`);
    assert.equal(pool.entities.length, one.entities.length);
    for (let i = 0; i < one.entities.length; i++) assert.deepEqual(pool.entities[i], one.entities[i], `entity ${i}`);
    assert.deepEqual(pool.result, one.result);
    // The later pieces were anchored on the first piece's document date (or the one given).
    assert.equal(one.result.referenceDate?.date ?? JSON.stringify(one.result.referenceDate), options.referenceDate ?? '2021-11-30');
    const last = one.entities.findLast((e) => e.label === 'DATE' && e.text === 'last week');
    assert.ok(last, 'a relative date in the last piece');
    assert.ok(last.start > bounds.at(-2));
    assert.ok(one.result.clusters.some((c) => c.mentions.length > 100), 'clusters merged across pieces');
  }
});

test('cancel stops the pool; the next job gets the full, same result', async () => {
  const out = await env.session.page.evaluate(async () => {
    const { Annotator } = await import('./annotator.js');
    const a = new Annotator({ workers: 3 });
    const done = [];
    const first = a.annotate(window.__text, {}, (p) => done.push(p.done)).then(
      () => 'resolved',
      (err) => err.name,
    );
    // Wait for a few pieces, then cancel.
    while (done.length < 3) await new Promise((r) => setTimeout(r, 5));
    let dropped = 0; // pieces queued in a worker that it then did not annotate
    for (const s of a.slots) s.worker.addEventListener('message', (e) => (dropped += e.data.type === 'cancelled'));
    a.cancel();
    const outcome = await first;
    const at = done.length;
    await new Promise((r) => setTimeout(r, 300));
    const after = done.length; // no progress after cancel
    const again = await window.__run(3, window.__text, {}, a);
    const short = await a.annotate('Angela Merkel visited Paris on Friday.');
    for (const s of a.slots) s.worker.terminate();
    return { outcome, at, after, dropped, again, short: short.result.entities.length };
  });
  assert.equal(out.outcome, 'Cancelled');
  assert.equal(out.after, out.at, 'no progress after cancel');
  assert.ok(out.dropped > 0, 'queued pieces were dropped by the workers');
  const one = await run(1);
  assert.equal(out.again.error, null);
  assert.deepEqual(out.again.progress, one.progress);
  assert.deepEqual(out.again.entities, one.entities);
  assert.deepEqual(out.again.result, one.result);
  assert.ok(out.short >= 3);
});

test('a trap in a pool worker is reported; the pool goes on with a fresh instance', async (t) => {
  const out = await env.session.page.evaluate(async () => {
    const { Annotator } = await import('./annotator.js');
    const a = new Annotator({ workers: 3 });
    // Traps in several later pieces, so that extra workers trap too, not only worker 0.
    const text = window.__text;
    let trapping = text;
    for (let at = 300_000; at < text.length; at += 100_000) trapping = `${trapping.slice(0, at)} TRAP-MARKER ${trapping.slice(at + 13)}`;
    await window.__run(3, text.slice(0, 150_000), {}, a); // starts the pool
    const first = a.slots.map((s) => s.worker);
    const bad = await window.__run(3, trapping, {}, a);
    const replaced = first.map((w) => !a.slots.some((s) => s.worker === w)); // worker 0 restarted, or an extra dropped
    const good = await window.__run(3, text, {}, a);
    const workers = a.slots.length;
    for (const s of a.slots) s.worker.terminate();
    return { bad: { error: bad.error, pieces: bad.progress.length }, good, workers, replaced };
  });
  assert.match(out.bad.error ?? '', /crashed|unreachable/i);
  t.diagnostic(`workers replaced after the trap (worker 0 first): ${out.replaced}`);
  assert.ok(out.replaced.some(Boolean), 'the worker that trapped was discarded');
  const one = await run(1);
  assert.ok(out.bad.pieces < one.progress.length, 'the trapping job did not finish');
  assert.equal(out.good.error, null);
  assert.equal(out.workers, 3, 'the trapped worker was replaced');
  assert.ok(out.good.busy >= 2);
  assert.deepEqual(out.good.entities, one.entities);
  assert.deepEqual(out.good.result, one.result);
});

test("a user's model reaches the pool's workers; a refused one does not", async () => {
  const good = readFileSync(new URL('../../models/ner.bin', import.meta.url)).toString('base64');
  const out = await env.session.page.evaluate(async (b64) => {
    const { Annotator } = await import('./annotator.js');
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)).buffer;
    const answers = [];
    let answered = null;
    const a = new Annotator({ workers: 3, onModel: (r) => answered(answers.push(r.error ?? 'ok')) });
    const answer = () => new Promise((r) => (answered = r));
    // Which model files each worker was sent (by size).
    const models = new Map();
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (m, ...rest) {
      if (m?.type === 'load-model') models.set(this, [...(models.get(this) ?? []), m.bytes.byteLength]);
      return post.call(this, m, ...rest);
    };
    a.loadModel(bytes);
    await answer();
    a.loadModel(new Uint8Array(1000).buffer); // refused: worker 0 keeps the good one
    await answer();
    const run = await window.__run(3, window.__text, {}, a);
    Worker.prototype.postMessage = post;
    const sent = a.slots.map((s) => models.get(s.worker) ?? []);
    for (const s of a.slots) s.worker.terminate();
    return { answers, sent, size: bytes.byteLength, run };
  }, good);
  assert.equal(out.answers[0], 'ok');
  assert.match(out.answers[1], /bad model file/);
  // Worker 0 got both; the workers started later only the accepted one.
  assert.deepEqual(out.sent[0], [out.size, 1000]);
  assert.equal(out.sent.length, 3);
  for (const s of out.sent.slice(1)) assert.deepEqual(s, [out.size]);
  const one = await run(1);
  assert.equal(out.run.error, null);
  assert.deepEqual(out.run.entities, one.entities);
  assert.deepEqual(out.run.result, one.result);
});
