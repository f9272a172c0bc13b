// A 5 MB text (issue 5): annotated in the worker with progress, the visible part highlighted
// first, the page responsive meanwhile (input events handled, no long main-thread stalls),
// and cancellable.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { launch, openPage, markPositions } from './helpers.mjs';

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

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
    // A probe of main-thread stalls: the longest gap between 10 ms timer ticks from now on.
    window.__maxGap = 0;
    let last = performance.now();
    window.__probe = setInterval(() => {
      const now = performance.now();
      window.__maxGap = Math.max(window.__maxGap, now - last);
      last = now;
    }, 10);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    return big.length;
  });
}

test('a 5 MB text: progress, visible part first, responsive input, then complete', async () => {
  const { page, errors, context } = await openPage(browser, server.url);
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
  await page.locator('#progress').waitFor({ state: 'hidden', timeout: 45000 });
  const maxGap = await page.evaluate(() => {
    clearInterval(window.__probe);
    return window.__maxGap;
  });
  assert.match(await page.textContent('#status'), /^Annotated [\d,]+ tokens in [\d,.]+ m?s$/);
  const tokens = Number((await page.textContent('#status')).match(/Annotated ([\d,]+)/)[1].replace(/,/g, ''));
  assert.ok(tokens > 500_000, `all pieces counted (${tokens} tokens)`);
  assert.ok(typingMs < 3000, `typing 6 characters took ${typingMs} ms while the worker ran (running: ${stillRunning})`);
  // Setting a 5 MB textarea value costs Chromium ~1 s once; beyond that no stall may be long.
  assert.ok(maxGap < 2500, `longest main-thread stall ${Math.round(maxGap)} ms`);

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
  assert.equal(text.slice(lastMark.start, lastMark.end), lastMark.text);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a long annotation can be cancelled, keeping what was done', async () => {
  const { page, errors, context } = await openPage(browser, server.url);
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
