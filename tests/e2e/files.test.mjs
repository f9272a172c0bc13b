// Opening and dropping files (issue 5): .txt as is; .html reduced to its readable text with
// DOMParser, never rendered (no script runs, no image is fetched); other files refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dropFile, openPage, waitForView, useBrowser } from './helpers.mjs';

const HTML = `<!doctype html><html><head><title>Site title</title>
<style>body { color: red }</style><script>window.__pwned = 1; alert('x')</script></head>
<body><nav>Home | World | Sport</nav>
<article><h1>Talks in Vienna</h1>
<p>Angela Merkel met <b>Joe   Biden</b> in
Paris on Friday.</p>
<img src="http://example.invalid/tracker.png" onerror="window.__pwned = 2">
<p>Second&nbsp;paragraph &amp; more.<br>New line.</p>
<ul><li>One</li><li>Two</li></ul></article>
<footer>Copyright</footer></body></html>`;
const HTML_TEXT = 'Talks in Vienna\n\nAngela Merkel met Joe Biden in Paris on Friday.\n\nSecond\u00a0paragraph & more.\nNew line.\n\nOne\n\nTwo';

const env = useBrowser(async () => {
  env.session = await openPage(env.browser, env.server.url);
  await env.session.page.waitForSelector('#view mark.ent', { timeout: 20000 });
});

/** Drops a file on the text area; the drop target shows while the file is over it. */
function drop(page, name, type, content) {
  return dropFile(page, name, type, content, {
    onOver: async () => assert.ok(await page.locator('#input.dragging').count(), 'the drop target is shown'),
  });
}

test('dropping a .txt file loads and annotates it, offsets into the file as it is (CRLF)', async () => {
  const { page } = env.session;
  const text = 'Angela Merkel met Joe Biden.\r\n\r\n😀 Emmanuel Macron was in Paris on Friday.\r\n';
  await drop(page, 'story.txt', 'text/plain', text);
  // The view shows the file's text, CRs included, so offsets match the file.
  await waitForView(page, text);
  assert.equal(await page.inputValue('#input'), text.replace(/\r\n/g, '\n'), 'the text area normalizes CRLF, as browsers do');
  assert.equal(await page.locator('#input.dragging').count(), 0);
  const marks = await page.$$eval('#view mark.ent', (ms) => ms.map((m) => [Number(m.dataset.start), Number(m.dataset.end), m.textContent]));
  const macron = marks.find(([, , t]) => t.includes('Macron'));
  assert.ok(macron, 'Macron is highlighted');
  assert.equal(text.slice(macron[0], macron[1]), macron[2], 'offsets into the CRLF text');
  assert.equal(macron[0], text.indexOf(macron[2]));
  // Once edited, the text area's text is what is annotated.
  await page.locator('#input').press('End');
  await page.keyboard.type(' Angela Merkel');
  await waitForView(page, (await page.inputValue('#input')));
});

test('dropping an .html file keeps only its readable text and runs nothing', async () => {
  const { page } = env.session;
  const before = env.server.requests.length;
  await drop(page, 'page.html', 'text/html', HTML);
  await waitForView(page, HTML_TEXT);
  assert.equal(await page.inputValue('#input'), HTML_TEXT);
  assert.equal(await page.evaluate(() => window.__pwned ?? null), null, 'no script or handler ran');
  assert.equal(await page.locator('#view b, #view img, #view script').count(), 0);
  assert.ok(!env.session.requests.some((u) => u.includes('example.invalid')), 'the image was not fetched');
  assert.ok(env.server.requests.length >= before);
});

test('the Open file button reads an .html file the same way', async () => {
  const { page } = env.session;
  await page.setInputFiles('#file-input', { name: 'saved.htm', mimeType: 'text/html', buffer: Buffer.from(HTML) });
  await waitForView(page, HTML_TEXT);
});

test('a file that is not text is refused with a visible message', async () => {
  const { page } = env.session;
  const beforeText = await page.inputValue('#input');
  await page.setInputFiles('#file-input', { name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47]) });
  await page.locator('#errors .error[data-key="file"]').waitFor();
  assert.match(await page.textContent('#errors'), /photo\.png is not a text or HTML file/);
  assert.equal(await page.inputValue('#input'), beforeText, 'the text stays');
  await page.click('#errors .error[data-key="file"] button');
  assert.equal(await page.locator('#errors .error').count(), 0, 'the message can be dismissed');
});

test('no console errors, and no request to another origin', () => {
  assert.deepEqual(env.session.errors, []);
  const origin = new URL(env.server.url).origin;
  assert.deepEqual(env.session.requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('blob:') && !u.startsWith('data:')), []);
});
