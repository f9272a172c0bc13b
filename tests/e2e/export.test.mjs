// Exports and sharing (issue 5): JSON with UTF-16 and code-point offsets, CSV, brat .ann,
// a standalone HTML page, copy to clipboard, and a share link carrying the text in its hash.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { openPage, waitForView, useBrowser } from './helpers.mjs';

const TEXT = '😀 Angela Merkel met Joe Biden in Paris on Friday, December 7.\n"Quotes", commas & <b>tags</b> =SUM(A1) 🇫🇷 Emmanuel Macron';
const cps = (s) => [...s];

const env = useBrowser(async () => {
  env.session = await openPage(env.browser, env.server.url, { permissions: ['clipboard-read', 'clipboard-write'] });
  await env.session.page.fill('#input', TEXT);
  await waitForView(env.session.page, TEXT);
  await env.session.page.waitForFunction((t) => document.getElementById('input').value === t && /^Annotated/.test(document.getElementById('status').textContent), TEXT);
});

async function exported(kind) {
  const { page } = env.session;
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(`button[data-export="${kind}"]`)]);
  return { name: dl.suggestedFilename(), body: await readFile(await dl.path(), 'utf8') };
}

/** A small RFC 4180 parser (quoted fields, doubled quotes, CRLF). */
function parseCSV(s) {
  const rows = [];
  let row = [];
  let cell = '';
  let q = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (q) {
      if (c === '"' && s[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') q = false;
      else cell += c;
    } else if (c === '"') q = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && s[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += c;
  }
  if (cell || row.length) row.push(cell), rows.push(row);
  return rows;
}

let json;

test('JSON export: the text, and entities with UTF-16 and code-point offsets', async () => {
  const { name, body } = await exported('json');
  assert.match(name, /\.json$/);
  json = JSON.parse(body);
  assert.equal(json.text, TEXT);
  assert.ok(json.entities.length >= 3);
  assert.match(json.offsets, /UTF-16/);
  for (const e of json.entities) {
    assert.equal(TEXT.slice(e.start, e.end), e.text, `UTF-16 offsets of ${e.text}`);
    assert.equal(cps(TEXT).slice(e.cpStart, e.cpEnd).join(''), e.text, `code-point offsets of ${e.text}`);
    assert.ok(e.label);
  }
  const macron = json.entities.find((e) => e.text.includes('Macron'));
  assert.ok(macron && macron.start - macron.cpStart === 3, 'emoji and flag: 3 more UTF-16 units than code points before Macron');
  // The page shows the same entities.
  const marks = await env.session.page.$$eval('#view mark.ent', (ms) => ms.map((m) => m.textContent));
  assert.deepEqual(marks, json.entities.map((e) => e.text));
});

test('CSV export: one row per entity, quoted where needed, formulas defused', async () => {
  const { name, body } = await exported('csv');
  assert.match(name, /\.csv$/);
  assert.ok(body.includes('\r\n'));
  const [head, ...rows] = parseCSV(body);
  assert.deepEqual(head.slice(0, 7), ['id', 'label', 'text', 'start', 'end', 'cp_start', 'cp_end']);
  assert.equal(rows.length, json.entities.length);
  rows.forEach((r, i) => {
    const e = json.entities[i];
    assert.equal(r[1], e.label);
    assert.equal(r[2].replace(/^'/, ''), e.text);
    assert.equal(Number(r[3]), e.start);
    assert.equal(Number(r[6]), e.cpEnd);
    if (e.timex) assert.equal(r[9], e.timex.value);
    assert.ok(!/^[=+@]/.test(r[2]), 'no cell starts a formula');
  });
});

test('brat .ann export: T lines with code-point offsets that match the text', async () => {
  const { name, body } = await exported('ann');
  assert.match(name, /\.ann$/);
  const tLines = body.trim().split('\n').filter((l) => l.startsWith('T'));
  assert.equal(tLines.length, json.entities.length);
  const chars = cps(TEXT);
  for (const line of tLines) {
    const m = line.match(/^T(\d+)\t(\S+) ([\d ;]+)\t(.*)$/);
    assert.ok(m, `well-formed: ${line}`);
    const frags = m[3].split(';').map((f) => f.split(' ').map(Number));
    const covered = frags.map(([a, b]) => chars.slice(a, b).join('')).join(' ');
    assert.equal(covered, m[4]);
  }
  for (const line of body.trim().split('\n').filter((l) => l.startsWith('#'))) {
    assert.match(line, /^#\d+\tAnnotatorNotes T\d+\t(DATE|TIME|DURATION|SET) \S+/);
  }
});

test('HTML export: a standalone page with the highlights, text escaped, no script', async () => {
  const { name, body } = await exported('html');
  assert.match(name, /\.html$/);
  assert.ok(!/<script/i.test(body));
  assert.ok(body.includes('&lt;b&gt;tags&lt;/b&gt;'));
  const page = await env.session.context.newPage();
  await page.setContent(body);
  assert.equal(await page.$eval('.view', (v) => v.textContent), TEXT);
  assert.deepEqual(await page.$$eval('.view mark', (ms) => ms.map((m) => m.textContent)), json.entities.map((e) => e.text));
  assert.equal(await page.locator('.view b').count(), 0);
  // Styled by its own stylesheet: marks have a background.
  const bg = await page.$eval('.view mark', (m) => getComputedStyle(m).backgroundColor);
  assert.notEqual(bg, 'rgba(0, 0, 0, 0)');
  await page.close();
});

test('TimeML export: well-formed XML, the text, and a TIMEX3 per temporal expression', async () => {
  const { name, body } = await exported('tml');
  assert.match(name, /\.tml$/);
  const parsed = await env.session.page.evaluate((xml) => {
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    if (doc.querySelector('parsererror')) return { error: doc.querySelector('parsererror').textContent };
    return {
      text: doc.querySelector('TEXT').textContent,
      timex: [...doc.querySelectorAll('TEXT TIMEX3')].map((t) => [t.textContent, t.getAttribute('type'), t.getAttribute('value')]),
    };
  }, body);
  assert.equal(parsed.error, undefined);
  assert.equal(parsed.text, TEXT);
  assert.ok(parsed.timex.length >= 1, 'the test text has dates');
  assert.deepEqual(parsed.timex, json.entities.filter((e) => e.timex).map((e) => [e.text, e.timex.type, e.timex.value]));
});

test('Copy JSON puts the same JSON on the clipboard', async () => {
  const { page } = env.session;
  await page.click('#copy-json');
  await page.waitForFunction(() => /Copied/.test(document.getElementById('export-status').textContent));
  const clip = await page.evaluate(() => navigator.clipboard.readText());
  assert.deepEqual(JSON.parse(clip), json);
});

test('a share link carries the text and document date in its hash, never to the server', async () => {
  const { page, context } = env.session;
  await page.fill('#reference-date', '2021-12-30');
  await page.selectOption('#date-order', 'day-first');
  await page.waitForFunction(() => /^Annotated/.test(document.getElementById('status').textContent));
  await page.click('#share');
  await page.locator('#share-url').waitFor({ state: 'visible' });
  const url = await page.inputValue('#share-url');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), url);
  assert.match(url, /#z=[\w-]+&d=2021-12-30&o=day-first$/);
  const other = await context.newPage();
  await other.goto(url);
  await waitForView(other, TEXT);
  assert.equal(await other.inputValue('#input'), TEXT);
  assert.equal(await other.inputValue('#reference-date'), '2021-12-30');
  assert.equal(await other.inputValue('#date-order'), 'day-first');
  await page.selectOption('#date-order', 'auto');
  for (const p of env.server.requests) assert.ok(!/Merkel|z=/.test(p), `the text never reached the server (${p})`);
  await other.close();
});

test('a text too long for a link says so', async () => {
  const { page } = env.session;
  const long = 'Angela Merkel met Joe Biden. '.repeat(300);
  await page.fill('#input', long);
  await page.click('#share');
  await page.waitForFunction(() => /too long/.test(document.getElementById('export-status').textContent));
  assert.ok(await page.locator('#share-url').isHidden());
});

test('a long text, annotated in pieces, exports offsets into the whole text (UTF-16 and code points)', async () => {
  const { page } = env.session;
  const length = await page.evaluate(async () => {
    const s = await (await fetch('sample.txt')).text();
    let big = '';
    for (let i = 0; big.length < 150_000; i++) big += `😀 Part ${i} 👩‍👩‍👧\n\n${s}\n`;
    const input = document.getElementById('input');
    input.value = big;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    return big.length;
  });
  assert.ok(length > 100_000, 'long enough to be annotated piece by piece');
  // Done: the view shows the new text (set when its run starts), and no run is in progress.
  await page.waitForFunction(
    () =>
      document.getElementById('view').textContent === document.getElementById('input').value &&
      document.getElementById('progress').hidden &&
      /^Annotated/.test(document.getElementById('status').textContent),
    null,
    { timeout: 30000 },
  );
  const { body } = await exported('json');
  const doc = JSON.parse(body);
  const text = await page.inputValue('#input');
  assert.equal(doc.text, text);
  const chars = cps(text);
  assert.ok(doc.entities.length > 500);
  for (const e of doc.entities) {
    assert.equal(text.slice(e.start, e.end), e.text);
    assert.equal(chars.slice(e.cpStart, e.cpEnd).join(''), e.text);
  }
  const ids = new Set(doc.entities.map((e) => e.id));
  assert.equal(ids.size, doc.entities.length, 'entity ids are unique across pieces');
  for (const c of doc.clusters) for (const m of c.mentions) assert.ok(ids.has(m), 'cluster mentions point at entities');
  for (const e of doc.entities) if (e.cluster !== undefined) assert.ok(doc.clusters[e.cluster].mentions.includes(e.id));
});

test('no console errors during exports, and no request to another origin', () => {
  assert.deepEqual(env.session.errors, []);
  const origin = new URL(env.server.url).origin;
  assert.deepEqual(env.session.requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('blob:') && !u.startsWith('data:')), []);
});
