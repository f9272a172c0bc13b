// Offline use (issue 5): after a first visit the service worker serves the page, its modules
// and the wasm, so a reload with the network gone still annotates.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { launch, openPage, waitForView } from './helpers.mjs';

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

test('after the first visit, the page reloads and annotates offline', async () => {
  const { page, context, errors, requests } = await openPage(browser, server.url);
  await page.waitForSelector('#view mark.ent', { timeout: 20000 });
  // The service worker is installed and controls the page.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 10000 });
  const sample = await page.inputValue('#input');

  // The network goes away: the browser is offline and the server answers nothing useful.
  server.setDown(true);
  await context.setOffline(true);
  const asked = server.requests.length;
  await page.reload();
  await waitForView(page, sample);
  assert.match(await page.textContent('#status'), /^Annotated/);
  await page.fill('#input', 'Angela Merkel met Joe Biden in Paris on Friday.');
  await waitForView(page, 'Angela Merkel met Joe Biden in Paris on Friday.');
  assert.equal(await page.locator('#errors .error').count(), 0, 'no error shown');
  // Whatever reached the server while it was down was answered from the cache.
  assert.ok(server.requests.length >= asked);
  const origin = new URL(server.url).origin;
  assert.deepEqual(requests.filter((u) => !u.startsWith(`${origin}/`)), []);
  assert.deepEqual(errors, []);

  await context.setOffline(false);
  server.setDown(false);
  await context.close();
});

test('without the service worker cache, an offline load fails (the test above is meaningful)', async () => {
  const { page, context } = await openPage(browser, null);
  server.setDown(true);
  try {
    const res = await page.goto(server.url).catch(() => null);
    assert.ok(!res || res.status() === 503, 'a fresh context gets nothing from the server while it is down');
  } finally {
    server.setDown(false);
    await context.close();
  }
});
