// Offline use (issue 5): after a first visit the service worker serves the page, its modules
// and the wasm, so a reload with the network gone still annotates.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, waitForView, useBrowser } from './helpers.mjs';

const env = useBrowser();

test('after the first visit, the page reloads and annotates offline', async () => {
  const { page, context, errors, requests } = await openPage(env.browser, env.server.url);
  await page.waitForSelector('#view mark.ent', { timeout: 20000 });
  // The service worker is installed and controls the page.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 10000 });
  const sample = await page.inputValue('#input');

  // The network goes away: the browser is offline and the server answers nothing useful.
  env.server.setDown(true);
  await context.setOffline(true);
  const asked = env.server.requests.length;
  await page.reload();
  await waitForView(page, sample);
  assert.match(await page.textContent('#status'), /^Annotated/);
  await page.fill('#input', 'Angela Merkel met Joe Biden in Paris on Friday.');
  await waitForView(page, 'Angela Merkel met Joe Biden in Paris on Friday.');
  assert.equal(await page.locator('#errors .error').count(), 0, 'no error shown');
  // Whatever reached the server while it was down was answered from the cache.
  assert.ok(env.server.requests.length >= asked);
  const origin = new URL(env.server.url).origin;
  assert.deepEqual(requests.filter((u) => !u.startsWith(`${origin}/`)), []);
  assert.deepEqual(errors, []);

  await context.setOffline(false);
  env.server.setDown(false);
  await context.close();
});

test('without the service worker cache, an offline load fails (the test above is meaningful)', async () => {
  const { page, context } = await openPage(env.browser, null);
  env.server.setDown(true);
  try {
    const res = await page.goto(env.server.url).catch(() => null);
    assert.ok(!res || res.status() === 503, 'a fresh context gets nothing from the server while it is down');
  } finally {
    env.server.setDown(false);
    await context.close();
  }
});
