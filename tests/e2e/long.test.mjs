// A 5 MB text (issue 5): annotated in the worker with progress, the visible part highlighted
// first, the page responsive meanwhile (input events handled, no long main-thread stalls),
// and cancellable.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, markPositions, useBrowser } from './helpers.mjs';

/** Puts a ~5 MB text (the sample, repeated) into the text area; returns its length. */
function loadBigText(page) {
  return page.evaluate(async () => {
    const s = await (await fetch('sample.txt')).text();
    const parts = [];
    let n = 0;
    for (let i = 0; n < 5_000_000; i++) {
      const p = `Part ${i + 1}.\n\n${s}\n`;
      parts.push(p);
      n += p.length;
    }
    const big = parts.join('');
    const input = document.getElementById('input');
    input.value = big;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    // The text area's own layout of 5 MB is Chromium's (1.4 s here: the paste itself), so the
    // probes start once that frame is drawn, before the page's annotation timer fires.
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    // Main-thread work from now on: the longest task (Long Tasks API). (A timer-gap probe would
    // also count the time a loaded machine does not give this tab at all.)
    window.__maxTask = 0;
    window.__probe = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__maxTask = Math.max(window.__maxTask, e.duration);
    });
    window.__probe.observe({ type: 'longtask' });
    // Key events' input delay (Event Timing API): from the key press to its handler starting.
    window.__keys = [];
    window.__events = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name.startsWith('key')) window.__keys.push(e.processingStart - e.startTime);
    });
    window.__events.observe({ type: 'event', durationThreshold: 16, buffered: true });
    // The worker's wasm memory after each annotation (issue 8: ≤ 64 MB for 1 MB of text).
    window.__memory = [];
    document.addEventListener('dateline:annotated', (e) => window.__memory.push({ chars: e.detail.text.length, bytes: e.detail.memoryBytes }));
    return big.length;
  });
}

const env = useBrowser();

test('a 5 MB text: progress, visible part first, responsive input, then complete', async (t) => {
  const { page, errors, context } = await openPage(env.browser, env.server.url);
  await page.waitForSelector('#view mark.ent', { timeout: 20000 });
  const length = await loadBigText(page);
  assert.ok(length >= 5_000_000);

  await page.locator('#progress').waitFor({ state: 'visible', timeout: 10000 });
  // Input events are handled while the worker runs: type into the search box.
  const t0 = Date.now();
  await page.focus('#search');
  await page.keyboard.type('Danube', { delay: 20 });
  assert.equal(await page.inputValue('#search'), 'Danube');
  const typingMs = Date.now() - t0;
  const stillRunning = await page.locator('#progress').isVisible();

  // The start of the text is highlighted before the whole text is done (or at the latest with it).
  await page.waitForSelector('#view .piece mark.ent', { timeout: 20000 });
  // (~10 s of annotation on an idle 2-core machine; several times that on a busy one)
  await page.locator('#progress').waitFor({ state: 'hidden', timeout: 80000 });
  const { maxTask, keys } = await page.evaluate(() => {
    window.__probe.disconnect();
    window.__events.disconnect();
    return { maxTask: window.__maxTask, keys: window.__keys };
  });
  const maxDelay = Math.max(0, ...keys);
  assert.match(await page.textContent('#status'), /^Annotated [\d,]+ tokens in [\d,.]+ m?s$/);
  t.diagnostic(`${await page.textContent('#status')}; typing 6 characters meanwhile: ${typingMs} ms; longest main-thread task: ${Math.round(maxTask)} ms; longest key input delay: ${Math.round(maxDelay)} ms (${keys.length} slow key events)`);
  const tokens = Number((await page.textContent('#status')).match(/Annotated ([\d,]+)/)[1].replace(/,/g, ''));
  assert.ok(tokens > 500_000, `all pieces counted (${tokens} tokens)`);
  // Each key press reached its handler quickly (the wall clock of typing also counts the test
  // driver's own round trips, which a loaded machine slows).
  assert.ok(maxDelay < 1000, `a key waited ${Math.round(maxDelay)} ms for the main thread (worker running: ${stillRunning})`);
  assert.ok(typingMs < 10000, `typing 6 characters took ${typingMs} ms while the worker ran`);
  // The page's own longest task is 150-260 ms on a slow 2-core machine (the main thread paints
  // each piece's marks as it arrives; the last one adds the panel and legend). The bound leaves
  // room for a loaded machine; its size is a benchmark's business, key delays are what users feel.
  assert.ok(maxTask < 1000, `longest main-thread task ${Math.round(maxTask)} ms`);

  // The view holds exactly the text; marks near the start are right; the last piece is marked too.
  const ok = await page.evaluate(() => document.getElementById('view').textContent === document.getElementById('input').value);
  assert.ok(ok, 'the view holds exactly the text');
  const firstMarks = (await markPositions(page)).slice(0, 50);
  const text = await page.inputValue('#input');
  for (const m of firstMarks) assert.equal(text.slice(m.start, m.end), m.text);
  const last = page.locator('#view .piece').last();
  await last.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelector('#view .piece:last-child mark.ent'), null, { timeout: 10000 });
  // Entities found in a later piece carry offsets into the whole text.
  const lastMark = await last.locator('mark.ent').last().evaluate((m) => ({ start: +m.dataset.start, end: +m.dataset.end, text: m.textContent }));
  assert.ok(lastMark.start > 4_900_000);
  // The search typed meanwhile ("Danube") outlines matches here too, once this piece is on screen.
  await page.waitForFunction(() => document.querySelector('#view .piece:last-child mark.ent.match'), null, { timeout: 10000 });
  const matched = await last.locator('mark.ent.match').allTextContents();
  assert.ok(matched.every((m) => m.includes('Danube')), matched.join(', '));
  assert.equal(text.slice(lastMark.start, lastMark.end), lastMark.text);

  // Pieces keep the worker's memory bounded, and clearing the text leaves it at most that.
  const MB = 2 ** 20;
  const big = await page.evaluate(() => window.__memory.at(-1));
  assert.ok(big.chars >= 5_000_000 && big.bytes > 0 && big.bytes <= 64 * MB, `wasm memory after 5 MB: ${big.bytes / MB} MB`);
  await page.evaluate(() => {
    const input = document.getElementById('input');
    input.value = '';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.waitForFunction(() => window.__memory.at(-1).chars === 0);
  const cleared = await page.evaluate(() => window.__memory.at(-1));
  assert.ok(cleared.bytes <= big.bytes, `wasm memory after clearing: ${cleared.bytes / MB} MB`);
  t.diagnostic(`wasm memory: ${(big.bytes / MB).toFixed(1)} MB after 5 MB of text, ${(cleared.bytes / MB).toFixed(1)} MB once cleared`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a long annotation can be cancelled, keeping what was done', async () => {
  const { page, errors, context } = await openPage(env.browser, env.server.url);
  await page.waitForSelector('#view mark.ent', { timeout: 20000 });
  await loadBigText(page);
  await page.locator('#progress').waitFor({ state: 'visible', timeout: 10000 });
  await page.click('#cancel');
  await page.locator('#progress').waitFor({ state: 'hidden' });
  const status = await page.textContent('#status');
  const m = status.match(/^Cancelled after ([\d,]+) of ([\d,]+) characters$/);
  assert.ok(m, `status says it was cancelled: "${status}"`);
  const [done, total] = [m[1], m[2]].map((x) => Number(x.replace(/,/g, '')));
  assert.ok(done < total, `stopped early (${done} of ${total})`);
  // No result arrives later: the status stays, and typing still works.
  await page.waitForTimeout(2500);
  assert.equal(await page.textContent('#status'), status);
  // (page.fill would select 5 MB of text first; set the value as a paste would.)
  await page.evaluate(() => {
    const input = document.getElementById('input');
    input.value = 'Angela Merkel visited Paris.';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.waitForFunction(() => document.getElementById('view').textContent === 'Angela Merkel visited Paris.');
  await page.waitForFunction(() => /^Annotated/.test(document.getElementById('status').textContent));
  assert.deepEqual(errors, []);
  await context.close();
});
