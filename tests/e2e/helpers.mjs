// Shared set-up for the end-to-end tests: Debian's Chromium driven by playwright-core (never a
// downloaded browser), with console errors and every request recorded.
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import { startServer } from './server.mjs';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

export function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * Opens `url` in a fresh context. Returns { context, page, errors, requests }: `errors` collects
 * console errors and uncaught page errors, `requests` every URL the page or its workers asked for.
 */
export async function openPage(browser, url, { colorScheme = 'light', viewport = { width: 1400, height: 900 }, ...rest } = {}) {
  const context = await browser.newContext({ colorScheme, viewport, ...rest });
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  context.on('request', (r) => requests.push(r.url()));
  page.on('dialog', (d) => {
    errors.push(`dialog: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  if (url) await page.goto(url);
  return { context, page, errors, requests };
}

/** Waits until the view shows exactly `text` (and, unless allowEmpty, at least one mark). */
export async function waitForView(page, text, { allowEmpty = false, timeout = 20000 } = {}) {
  await page.waitForFunction(
    ([t, empty]) => {
      const v = document.getElementById('view');
      return v.textContent === t && (empty || v.querySelector('mark.ent'));
    },
    [text, allowEmpty],
    { timeout },
  );
}

/**
 * The marks of the view with their UTF-16 position in the view's text, computed by walking its
 * text nodes in order (pseudo-element tags are not text nodes).
 */
export function markPositions(page) {
  return page.evaluate(() => {
    const view = document.getElementById('view');
    const walker = document.createTreeWalker(view, NodeFilter.SHOW_TEXT);
    const out = [];
    let pos = 0;
    let seen = new Set();
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const m = n.parentElement.closest('mark.ent');
      if (m && !seen.has(m)) {
        seen.add(m);
        out.push({
          pos,
          text: m.textContent,
          label: m.dataset.label,
          id: Number(m.dataset.id),
          start: Number(m.dataset.start),
          end: Number(m.dataset.end),
        });
      }
      pos += n.data.length;
    }
    return out;
  });
}

/** Annotates `text` with the page's own wasm build, in the page (for comparing with the view). */
export function annotateInPage(page, text, options = {}) {
  return page.evaluate(
    async ([t, o]) => {
      const mod = await import('./pkg/dateline_wasm.js');
      await mod.default();
      return mod.annotate(t, o);
    },
    [text, options],
  );
}

/**
 * Drops a file on the text area, as a user dragging it from the desktop would; `onOver` runs
 * while the file is over the drop target, before it is let go.
 */
export async function dropFile(page, name, type, content, { onOver } = {}) {
  const dt = await page.evaluateHandle(([n, t, c]) => {
    const d = new DataTransfer();
    d.items.add(new File([c], n, { type: t }));
    return d;
  }, [name, type, content]);
  await page.dispatchEvent('#input', 'dragenter', { dataTransfer: dt });
  await page.dispatchEvent('#input', 'dragover', { dataTransfer: dt });
  await onOver?.();
  await page.dispatchEvent('#input', 'drop', { dataTransfer: dt });
}

/**
 * Makes the annotator trap, as a panicking core would, on any text containing "TRAP-MARKER":
 * the worker's import of the wasm-bindgen module is intercepted and annotate() wrapped.
 */
export async function trapOnMarker(context) {
  await context.route('**/pkg/dateline_wasm.js', async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace(
      /export function annotate\(/,
      'export function annotate(text, options) {\n' +
        '  if (text.includes("TRAP-MARKER")) throw new WebAssembly.RuntimeError("unreachable");\n' +
        '  return annotateReal(text, options);\n}\nfunction annotateReal(',
    );
    if (!body.includes('annotateReal')) throw new Error('the module no longer has an annotate() to wrap');
    await route.fulfill({ response, body });
  });
}

/**
 * A test file's set-up: the test server and a browser, started before its tests and closed
 * after them, then `setup(env)` if given (for example, a page shared by the tests). Returns the
 * object that holds them: `env.server`, `env.browser`, and what `setup` adds (`env.session`).
 */
export function useBrowser(setup) {
  const env = {};
  before(async () => {
    env.server = await startServer();
    env.browser = await launch();
    await setup?.(env);
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}
