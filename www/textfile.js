// Reading dropped or opened files: plain text as is; HTML parsed with DOMParser into an inert
// document (no scripts run, nothing is fetched, nothing is rendered) and reduced to its
// readable text, paragraph by paragraph.

const DROP = 'script, style, noscript, template, iframe, object, embed, svg, math, canvas, video, audio, picture, img, form, button, select, input, textarea, dialog';
const OUTSIDE = 'nav, aside, footer, header';
const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET',
  'FIGCAPTION', 'FIGURE', 'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI',
  'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TR', 'UL', 'CAPTION',
]);

/** The readable text of an HTML document. */
export function htmlToText(html) {
  const doc = new DOMParser().parseFromString(quiet(html), 'text/html');
  doc.querySelectorAll(DROP).forEach((n) => n.remove());
  const root = doc.querySelector('article') ?? doc.querySelector('main') ?? doc.body;
  if (!root) return '';
  if (root === doc.body) root.querySelectorAll(OUTSIDE).forEach((n) => n.remove());
  const parts = [];
  let line = '';
  const flush = () => {
    // Collapse source whitespace (not no-break spaces); <br> was kept as \u0000.
    const t = line
      .split('\u0000')
      .map((l) => l.replace(/[ \t\r\n\f]+/g, ' ').trim())
      .filter(Boolean)
      .join('\n');
    if (t) parts.push(t);
    line = '';
  };
  const walk = (node, pre) => {
    for (let n = node.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === Node.TEXT_NODE) {
        if (pre) {
          flush();
          parts.push(n.data.replace(/\s+$/, ''));
        } else line += n.data;
      } else if (n.nodeType === Node.ELEMENT_NODE) {
        if (n.tagName === 'BR') {
          line += '\u0000';
        } else if (BLOCK.has(n.tagName)) {
          flush();
          walk(n, pre || n.tagName === 'PRE');
          flush();
        } else if (n.tagName === 'TD' || n.tagName === 'TH') {
          walk(n, pre);
          line += '\t';
        } else walk(n, pre);
      }
    }
  };
  walk(root, false);
  flush();
  let text = parts.join('\n\n');
  const title = doc.title?.trim();
  if (title && !root.querySelector('h1') && !text.startsWith(title)) text = `${title}\n\n${text}`;
  return text;
}

/**
 * Drops script and style elements and event-handler and style attributes before parsing. The
 * parsed document is inert and never rendered either way; this only keeps the page's CSP from
 * reporting (to the console) the inline code that the parser meets.
 */
function quiet(html) {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[a-z][^>]*>/gi, (tag) => tag.replace(/\s(on[a-z]+|style)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, ''));
}

const HTML_TYPES = /^(text\/html|application\/xhtml\+xml)/;

/** Reads a .txt or .html File; resolves to its text (HTML reduced to readable text). */
export async function readTextFile(file) {
  const isHTML = HTML_TYPES.test(file.type) || /\.x?html?$/i.test(file.name);
  const isText = isHTML || file.type.startsWith('text/') || /\.(txt|text|md)$/i.test(file.name) || file.type === '';
  if (!isText) throw new Error(`${file.name} is not a text or HTML file (${file.type || 'unknown type'})`);
  if (file.size > 50 * 1024 * 1024) throw new Error(`${file.name} is too large (over 50 MB)`);
  const raw = await file.text();
  return isHTML ? htmlToText(raw) : raw;
}
