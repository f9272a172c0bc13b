// Takes the README's screenshots of the page on the sample article, in light and dark mode:
//   node tests/e2e/screenshots.mjs        (writes docs/screenshot-light.png, docs/screenshot-dark.png)
// Not a test (the name has no .test): run it by hand after changing the page, and look at them.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './server.mjs';
import { launch, openPage } from './helpers.mjs';

const DOCS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs');
await mkdir(DOCS, { recursive: true });
const server = await startServer();
const browser = await launch();
try {
  for (const scheme of ['light', 'dark']) {
    const { page, errors, context } = await openPage(browser, server.url, { colorScheme: scheme, viewport: { width: 1440, height: 900 } });
    await page.waitForSelector('#view mark.ent', { timeout: 20000 });
    await page.waitForFunction(() => /^Annotated/.test(document.getElementById('status').textContent));
    // Open the card of a relative date near the top (it shows the value, anchor and why).
    const target = await page.evaluate(() => {
      const marks = [...document.querySelectorAll('#view mark.ent')];
      const m = marks.find((x) => x.dataset.label === 'DATE' && /^[A-Z][a-z]+day$/.test(x.textContent)) ?? marks[0];
      return m.dataset.id;
    });
    await page.hover(`#view mark[data-id="${target}"]`);
    await page.locator('#card').waitFor({ state: 'visible' });
    await page.mouse.move(0, 0, { steps: 1 }).catch(() => {});
    await page.focus(`#view mark[data-id="${target}"]`);
    await page.waitForTimeout(300);
    const file = path.join(DOCS, `screenshot-${scheme}.png`);
    await page.screenshot({ path: file });
    if (errors.length) console.error(errors);
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
