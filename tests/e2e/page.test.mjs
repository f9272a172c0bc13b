// The page end to end (issue 2): loads the sample, re-annotates pasted text with an emoji before
// the entities, checks every highlight lands on the right characters, reads a hover card, and
// checks the console stayed clean and nothing but the page's own files was requested.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { WWW } from './server.mjs';
import { openPage, waitForView, markPositions, annotateInPage, useBrowser } from './helpers.mjs';

const WORD = /[\p{L}\p{N}]/u;

// One page shared by the tests below, in order.
const env = useBrowser(async () => {
  env.session = await openPage(env.browser, env.server.url);
});

test('opens on the sample article, highlighted, with a legend and timing', async () => {
  const { page } = env.session;
  const sample = await readFile(path.join(WWW, 'sample.txt'), 'utf8');
  await waitForView(page, sample);
  assert.equal(await page.inputValue('#input'), sample, 'the text area holds the sample');
  const marks = await markPositions(page);
  assert.ok(marks.length >= 10, `the sample has many highlights (got ${marks.length})`);
  for (const m of marks) {
    assert.equal(m.text, sample.slice(m.pos, m.pos + m.text.length));
    assert.equal(m.pos, m.start, `mark "${m.text}" is rendered at its UTF-16 start`);
    assert.equal(m.pos + m.text.length, m.end);
  }
  // Legend: one entry per label with counts that add up to the number of marks.
  const legend = await page.$$eval('#legend .legend-item', (items) =>
    items.map((b) => ({ label: b.dataset.label, count: Number(b.querySelector('.count').textContent) })),
  );
  for (const l of ['PERSON', 'ORG', 'GPE', 'LOC', 'NORP', 'EVENT', 'MISC', 'DATE', 'TIME']) {
    assert.ok(legend.some((x) => x.label === l), `legend lists ${l}`);
  }
  assert.equal(legend.reduce((s, x) => s + x.count, 0), marks.length, 'legend counts add up');
  for (const { label, count } of legend) {
    assert.equal(count, marks.filter((m) => m.label === label).length, `count of ${label}`);
  }
  assert.match(await page.textContent('#status'), /^Annotated [\d,]+ tokens in [\d.]+ ms$/);
  // Every mark is focusable and names its label in text, not only in colour.
  const attrs = await page.$$eval('#view mark', (ms) =>
    ms.map((m) => ({ tab: m.tabIndex, label: m.dataset.label, tag: getComputedStyle(m, '::after').content })),
  );
  for (const a of attrs) {
    assert.equal(a.tab, 0);
    assert.equal(a.tag, `"${a.label}"`, 'the label name is shown beside the highlight');
  }
});

test('pasted text with an emoji before the entities: highlights land on the right characters', async () => {
  const { page } = env.session;
  const text = '😀 Angela Merkel met Joe Biden in Paris on Friday. 👩‍👩‍👧 Later, 🇫🇷 Emmanuel Macron spoke.';
  await page.fill('#input', text);
  await waitForView(page, text);
  const marks = await markPositions(page);
  const truth = await annotateInPage(page, text);
  assert.ok(truth.entities.length >= 3, 'the core finds entities in the test text');
  assert.deepEqual(
    marks.map((m) => [m.pos, m.pos + m.text.length, m.label]),
    truth.entities.map((e) => [e.start, e.end, e.label]),
    'one mark per entity, at its UTF-16 offsets',
  );
  for (const e of truth.entities) {
    assert.equal(text.slice(e.start, e.end), e.text, `UTF-16 offsets of "${e.text}"`);
    assert.equal([...text].slice(e.cpStart, e.cpEnd).join(''), e.text, `code-point offsets of "${e.text}"`);
  }
  for (const m of marks) {
    assert.equal(m.text, text.slice(m.pos, m.pos + m.text.length));
    assert.ok(!WORD.test(text.charAt(m.pos - 1)) && !WORD.test(text.charAt(m.pos + m.text.length)),
      `mark "${m.text}" starts and ends on word boundaries`);
  }
  const merkel = marks.find((m) => m.text.includes('Merkel'));
  assert.ok(merkel, 'Angela Merkel is highlighted');
  assert.equal(merkel.pos, text.indexOf(merkel.text), 'right after the emoji (2 UTF-16 units + space)');
  const macron = marks.find((m) => m.text.includes('Macron'));
  assert.ok(macron, 'Emmanuel Macron is highlighted after the ZWJ sequence and the flag');
  assert.equal(macron.pos, text.indexOf(macron.text));
});

test('a real paste (clipboard, Ctrl+V) is annotated the same way', async () => {
  const { page, context, errors } = await openPage(env.browser, env.server.url, { permissions: ['clipboard-read', 'clipboard-write'] });
  await page.waitForSelector('#view mark.ent', { timeout: 20000 });
  const text = '🎉🎉 Emmanuel Macron and Olaf Scholz met in Berlin on Tuesday.';
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.focus('#input');
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
  await waitForView(page, text);
  const marks = await markPositions(page);
  const truth = await annotateInPage(page, text);
  assert.deepEqual(marks.map((m) => [m.pos, m.text]), truth.entities.map((e) => [e.start, e.text]));
  assert.ok(marks.some((m) => m.text.includes('Macron') && m.pos === text.indexOf(m.text)));
  assert.deepEqual(errors, []);
  await context.close();
});

test('the article the product is built around (read from ../shared, never copied): highlights line up', async (t) => {
  const { page } = env.session;
  let text;
  try {
    text = await readFile(path.join(WWW, '../../shared/samples/biden-putin-call.txt'), 'utf8');
  } catch {
    t.skip('../shared/samples/biden-putin-call.txt is not beside the repository');
    return;
  }
  await page.fill('#reference-date', '2021-12-30');
  await page.fill('#input', text);
  await waitForView(page, text);
  const marks = await markPositions(page);
  const truth = await annotateInPage(page, text, { referenceDate: '2021-12-30' });
  assert.deepEqual(marks.map((m) => [m.pos, m.text]), truth.entities.map((e) => [e.start, e.text]));
  for (const name of ['Biden', 'Putin']) {
    assert.ok(marks.some((m) => m.label === 'PERSON' && m.text.includes(name)), `${name} is a PERSON`);
  }
  assert.ok(marks.some((m) => m.label === 'DATE' && m.text === 'December 7'), 'December 7 is a DATE');
  const legendTotal = await page.$$eval('#legend .count', (cs) => cs.reduce((n, c) => n + Number(c.textContent), 0));
  assert.equal(legendTotal, marks.length);
  await page.fill('#reference-date', '');
});

test('hovering a highlight shows its card; focus and Escape too', async () => {
  const { page } = env.session;
  const text = '😀 Angela Merkel met Joe Biden in Paris on Friday.';
  await page.fill('#input', text);
  await waitForView(page, text);
  const mark = page.locator('#view mark.ent', { hasText: 'Merkel' }).first();
  const markText = await mark.textContent();
  const label = await mark.getAttribute('data-label');
  await mark.hover();
  const card = page.locator('#card');
  await card.waitFor({ state: 'visible' });
  assert.equal(await card.getAttribute('role'), 'tooltip');
  assert.equal(await mark.getAttribute('aria-describedby'), 'card');
  assert.equal(await card.locator('.card-label').textContent(), label);
  assert.equal(await card.locator('.card-text').textContent(), markText);
  // The card sits next to the mark, inside the viewport.
  const [mb, cb] = [await mark.boundingBox(), await card.boundingBox()];
  assert.ok(Math.abs(cb.y - (mb.y + mb.height)) < 40 || Math.abs(cb.y + cb.height - mb.y) < 40, 'card is beside the mark');

  // Moving away hides it; keyboard focus shows it again; Escape hides it.
  await page.mouse.move(5, 5);
  await card.waitFor({ state: 'hidden' });
  await page.focus('#legend li:last-child button');
  await page.keyboard.press('Tab'); // the view itself (it scrolls), then its first mark
  assert.equal(await page.evaluate(() => document.activeElement.id), 'view');
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement?.closest('mark')?.textContent ?? null);
  const first = (await markPositions(page))[0];
  assert.equal(focused, first.text, 'Tab from the view reaches the first highlight');
  await card.waitFor({ state: 'visible' });
  assert.equal(await card.locator('.card-text').textContent(), first.text);
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Escape');
  await card.waitFor({ state: 'hidden' });
});

test('a date highlight card shows the normalized value', async (t) => {
  const { page } = env.session;
  const text = 'Talks are set for Friday, December 7, 2018, and ended on Tuesday.';
  await page.fill('#input', text);
  await waitForView(page, text, { allowEmpty: true });
  const truth = await annotateInPage(page, text);
  const dated = truth.entities.find((e) => e.timex);
  if (!dated) {
    // The temporal tagger is still a placeholder: nothing to check yet, but say so.
    t.skip('no entity with a timex in the core output yet; date card not checked');
    return;
  }
  const mark = page.locator(`#view mark[data-id="${dated.id}"]`);
  await mark.hover();
  const card = page.locator('#card');
  await card.waitFor({ state: 'visible' });
  const facts = await card.locator('.card-facts').textContent();
  assert.ok(facts.includes(dated.timex.value), `card shows the value ${dated.timex.value}`);
  // ...and, for a day, the value in words ("Thu 30 Dec 2021").
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dated.timex.value);
  if (day && !dated.timex.endValue && !dated.timex.mod) {
    const words = new Date(Date.UTC(+day[1], +day[2] - 1, +day[3])).toUTCString().slice(0, 16).replace(',', '');
    const [wd, dd, mon, yyyy] = words.split(' ');
    assert.ok(facts.includes(`In words${wd} ${+dd} ${mon} ${yyyy}`), `card shows ${wd} ${+dd} ${mon} ${yyyy}: ${facts}`);
  }
});

test('text is rendered as text: an XSS payload stays inert', async () => {
  const { page, errors } = env.session;
  const text = '<img src=x onerror="alert(1)"><script>alert(2)</script> Angela Merkel & <b>Joe Biden</b>';
  await page.fill('#input', text);
  await waitForView(page, text, { allowEmpty: true });
  assert.equal(await page.locator('#view img, #view script, #view b').count(), 0);
  assert.equal(await page.locator('#card img, #card script').count(), 0);
  await page.waitForTimeout(200);
  assert.ok(!errors.some((e) => e.startsWith('dialog')), 'no alert ran');
});

test('re-annotates as you type', async () => {
  const { page } = env.session;
  await page.fill('#input', '');
  await page.waitForFunction(() => document.getElementById('view').textContent === '' && /^Annotated 0 tokens/.test(document.getElementById('status').textContent));
  assert.equal(await page.$eval('#view', (v) => getComputedStyle(v, '::before').content), '"Highlights appear here."', 'an empty text shows a hint');
  await page.locator('#input').pressSequentially('Angela Merkel visited Paris.', { delay: 5 });
  await waitForView(page, 'Angela Merkel visited Paris.');
});

test('no console errors, and every request went to the page\'s own origin', async () => {
  const { errors, requests } = env.session;
  assert.deepEqual(errors, []);
  const origin = new URL(env.server.url).origin;
  const foreign = requests.filter((u) => !u.startsWith(`${origin}/`));
  assert.deepEqual(foreign, [], 'no request left the page\'s origin');
  // The worker's requests are seen too (so the check above covers them).
  assert.ok(requests.some((u) => u.endsWith('/pkg/dateline_wasm_bg.wasm')));
  assert.ok(requests.some((u) => u.endsWith('/worker.js')));
  assert.ok(!env.server.requests.includes('/favicon.ico'), 'no favicon request');
});

test('an error thrown by annotate comes back from the worker with its message, and the worker goes on', async () => {
  const { page } = env.session;
  const out = await page.evaluate(async () => {
    const { Annotator } = await import('./annotator.js');
    const a = new Annotator();
    let message = null;
    try {
      await a.annotate('Angela Merkel met Joe Biden on Friday.', { referenceDate: '2021-13-45' });
    } catch (err) {
      message = err.message;
    }
    const ok = await a.annotate('Angela Merkel met Joe Biden on Friday.', { referenceDate: '2021-12-30' });
    a.worker.terminate();
    return { message, entities: ok.result.entities.length };
  });
  assert.match(out.message ?? '', /2021-13-45/);
  assert.ok(out.entities >= 2);
});

for (const missing of ['/pkg/dateline_wasm_bg.wasm', '/pkg/dateline_wasm.js']) {
  test(`when ${missing} fails to load, the page says so and keeps working`, async () => {
    env.server.block(missing);
    try {
      const { page, context } = await openPage(env.browser, env.server.url);
      await page.locator('#errors .error').first().waitFor({ timeout: 15000 });
      assert.match(await page.textContent('#errors'), /annotator is not available/i);
      await page.fill('#input', 'Still typing.');
      assert.equal(await page.inputValue('#input'), 'Still typing.');
      await page.waitForTimeout(400);
      assert.equal(await page.locator('#errors .error').count(), 1, 'one message, not one per keystroke');
      assert.equal(await page.locator('#progress').isVisible(), false);
      await context.close();
    } finally {
      env.server.block(null);
    }
  });
}
