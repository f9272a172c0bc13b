// A model file of the user's (issue 7): a truncated, corrupted or foreign file is refused with
// a message that names the problem, the built-in model stays in use, and a good file is used.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openPage, waitForView, useBrowser } from './helpers.mjs';

const good = readFileSync(new URL('../../models/ner.bin', import.meta.url));

const env = useBrowser(async () => {
  env.session = await openPage(env.browser, env.server.url);
  await env.session.page.waitForSelector('#view mark.ent', { timeout: 20000 });
});

async function loadModel(page, name, buffer) {
  await page.setInputFiles('#model-input', { name, mimeType: 'application/octet-stream', buffer });
}

const TEXT = 'Angela Merkel met Joe Biden in Paris on Friday.';

test('damaged model files are refused with the reason; annotation goes on', async () => {
  const { page } = env.session;
  const corrupt = Buffer.from(good);
  corrupt[corrupt.length - 10] ^= 0xff;
  const cases = [
    ['truncated.bin', good.subarray(0, 1000), /truncated/],
    ['corrupt.bin', corrupt, /checksum/],
    ['page.bin', Buffer.from('<html><script>alert(1)</script></html>'), /magic/],
  ];
  for (const [name, bytes, reason] of cases) {
    await loadModel(page, name, bytes);
    // The message for this file (the previous file's message is replaced, not removed).
    await page.waitForFunction((n) => document.querySelector('#errors [data-key="model"]')?.textContent.includes(n), name, { timeout: 10000 });
    const message = await page.locator('#errors [data-key="model"]').textContent();
    assert.match(message, new RegExp(name.replace('.', '\\.')));
    assert.match(message, /bad model file/);
    assert.match(message, reason);
    assert.equal(await page.textContent('#model-status'), 'Entity model: built-in');
    assert.equal(await page.locator('#errors script').count(), 0, 'the message is text');
  }
  await page.fill('#input', TEXT);
  await waitForView(page, TEXT);
  const labels = await page.$$eval('#view mark.ent', (ms) => ms.map((m) => `${m.dataset.label}:${m.dataset.start}`));
  assert.ok(labels.includes('PERSON:0'), `still annotating with the built-in model: ${labels}`);
});

test('a good model file is used, and the built-in one can be restored', async () => {
  const { page } = env.session;
  await loadModel(page, 'my-model.bin', good);
  await page.waitForFunction(() => document.querySelector('#model-status').textContent.includes('my-model.bin'));
  assert.equal(await page.locator('#errors [data-key="model"]').count(), 0, 'no error left');
  await page.fill('#input', `${TEXT} `);
  await waitForView(page, `${TEXT} `);
  assert.ok(await page.locator('#view mark.ent[data-label="PERSON"]').count() >= 2);
  await page.click('#builtin-model');
  assert.equal(await page.textContent('#model-status'), 'Entity model: built-in');
  assert.ok(await page.locator('#builtin-model[hidden]').count());
});
