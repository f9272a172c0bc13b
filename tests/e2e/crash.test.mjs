// A trap in the wasm (what a Rust panic becomes) must end as a visible message, with the page
// still working (issue 7). The core has no known panic to trigger, so this test serves the
// worker a wasm-bindgen module whose annotate() traps on a marker text, as a panicking core
// would (a WebAssembly.RuntimeError), and checks the page's handling: the message is shown,
// the worker and its wasm instance are replaced, and the next text is annotated.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, waitForView, trapOnMarker, useBrowser } from './helpers.mjs';

const env = useBrowser(async () => {
  env.session = await openPage(env.browser, null);
  // The annotator traps on texts with "TRAP-MARKER", as a panicking core would.
  await trapOnMarker(env.session.context);
  await env.session.page.goto(env.server.url);
  await env.session.page.waitForSelector('#view mark.ent', { timeout: 20000 });
});

test('a trap in the annotator is reported, and the page goes on with a fresh instance', async () => {
  const { page } = env.session;
  const workersBefore = env.server.requests.filter((r) => r.endsWith('/worker.js')).length;
  await page.fill('#input', 'Angela Merkel met TRAP-MARKER Joe Biden.');
  const error = page.locator('#errors .error');
  await error.first().waitFor({ timeout: 10000 });
  const message = (await error.allTextContents()).join(' ');
  assert.match(message, /crashed|unreachable/i, message);
  const text = 'Emmanuel Macron visited Berlin on Friday.';
  await page.fill('#input', text);
  await waitForView(page, text);
  assert.ok(await page.locator('#view mark.ent').count() >= 2, 'annotating again');
  assert.ok(env.server.requests.filter((r) => r.endsWith('/worker.js')).length > workersBefore, 'a new worker was started');
});
