// Accessibility and themes (issue 5): axe-core (from npm, run in the page) finds no serious or
// critical violation in light or dark mode, with a card open; dark mode follows
// prefers-color-scheme, the toggle overrides it and is remembered.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { openPage, useBrowser } from './helpers.mjs';

const require = createRequire(import.meta.url);
let axeSource;

const env = useBrowser(async () => {
  axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
});

/** Runs axe in the page (evaluated through the DevTools protocol, so the page's CSP allows it). */
async function axe(page) {
  await page.evaluate(axeSource);
  const r = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
}

const luminance = (rgb) => {
  const [r, g, b] = rgb.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};

for (const scheme of ['light', 'dark']) {
  test(`axe: no serious or critical violations in ${scheme} mode, card open`, async () => {
    const { page, context, errors } = await openPage(env.browser, env.server.url, { colorScheme: scheme });
    await page.waitForSelector('#view mark.ent', { timeout: 20000 });
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(luminance(bg) < 0.2, scheme === 'dark', `body background ${bg} fits ${scheme} mode`);
    await page.locator('#view mark.ent').nth(2).focus();
    await page.locator('#card').waitFor({ state: 'visible' });
    const violations = await axe(page);
    const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(bad, [], JSON.stringify(bad, null, 1));
    // Every label's highlight keeps the text readable (WCAG AA, 4.5:1) in this mode.
    const pairs = await page.$$eval('#view mark.ent', (ms) => {
      const seen = new Map();
      for (const m of ms) if (!seen.has(m.dataset.label)) seen.set(m.dataset.label, [getComputedStyle(m).color, getComputedStyle(m).backgroundColor]);
      return [...seen];
    });
    for (const [label, [fg, bgc]] of pairs) {
      const [a, b] = [luminance(fg), luminance(bgc)].sort((x, y) => y - x);
      const ratio = (a + 0.05) / (b + 0.05);
      assert.ok(ratio >= 4.5, `${label} in ${scheme} mode: contrast ${ratio.toFixed(2)}`);
    }
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('theme toggle overrides the system preference and is remembered', async () => {
  const { page, context } = await openPage(env.browser, env.server.url, { colorScheme: 'light' });
  await page.waitForSelector('#view mark.ent', { timeout: 20000 });
  const toggle = page.locator('#theme-toggle');
  assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
  const dark = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.ok(luminance(dark) < 0.2, `dark after the toggle (${dark})`);
  const markBg = await page.$eval('#view mark.ent', (m) => getComputedStyle(m).backgroundColor);
  assert.ok(luminance(markBg) < 0.2, 'highlights switch to their dark colours');
  await page.reload();
  await page.waitForSelector('#view mark.ent', { timeout: 20000 });
  assert.equal(await page.getAttribute('#theme-toggle', 'aria-pressed'), 'true', 'remembered after reload');
  assert.ok(luminance(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)) < 0.2);
  await page.click('#theme-toggle');
  assert.ok(luminance(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)) > 0.8);
  await context.close();
});

test('axe: no serious violations with an error shown and no highlights (annotator missing)', async () => {
  env.server.block('/pkg/dateline_wasm_bg.wasm');
  try {
    const { page, context } = await openPage(env.browser, env.server.url);
    await page.waitForSelector('#errors .error', { timeout: 20000 });
    const bad = (await axe(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(bad, [], JSON.stringify(bad, null, 1));
    await context.close();
  } finally {
    env.server.block(null);
  }
});
