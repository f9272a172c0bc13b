// Dateline's page: wires the text area, the worker-backed annotator, the annotated view, the
// entity card, the legend and the theme toggle. User text only ever enters the DOM as text.

import { Annotator, Cancelled } from './annotator.js';
import { AnnotatedView } from './render.js';
import { EntityCard } from './card.js';
import { LABELS, labelInfo } from './labels.js';
import { initTheme } from './theme.js';
import { WHOLE_LIMIT } from './chunks.js';
import { SidePanel } from './panel.js';
import { toJSON, toCSV, toBrat, toHTML, toTimeML, download } from './export.js';
import { encodeShare, decodeShare } from './share.js';
import { readTextFile } from './textfile.js';

const $ = (id) => document.getElementById(id);
const els = {
  input: $('input'),
  view: $('view'),
  legend: $('legend'),
  status: $('status'),
  errors: $('errors'),
  card: $('card'),
  progress: $('progress'),
  progressBar: $('progress-bar'),
  progressText: $('progress-text'),
  cancel: $('cancel'),
  refDate: $('reference-date'),
  dateOrder: $('date-order'),
  proposed: $('proposed-date'),
  theme: $('theme-toggle'),
  file: $('file-input'),
  modelInput: $('model-input'),
  modelStatus: $('model-status'),
  builtinModel: $('builtin-model'),
  search: $('search'),
  exportStatus: $('export-status'),
  shareUrl: $('share-url'),
};

/** What the page shows: the last complete (or cancelled partial) annotation. */
const state = {
  text: '',
  entities: [],
  clusters: [],
  referenceDate: null,
  tokens: 0,
  sentences: 0,
  ms: 0,
  hidden: new Set(),
  version: null,
};

// ---- errors, shown in the page; the page keeps working ----

function showError(key, message) {
  let p = els.errors.querySelector(`[data-key="${key}"]`);
  if (!p) {
    p = document.createElement('p');
    p.className = 'error';
    p.dataset.key = key;
    const text = document.createElement('span');
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'button small';
    close.textContent = 'Dismiss';
    close.addEventListener('click', () => p.remove());
    p.append(text, ' ', close);
    els.errors.append(p);
  }
  p.firstChild.textContent = message;
}

function clearError(key) {
  els.errors.querySelector(`[data-key="${key}"]`)?.remove();
}

window.addEventListener('unhandledrejection', (ev) => {
  showError('internal', `Unexpected error: ${ev.reason?.message ?? ev.reason}`);
});
window.addEventListener('error', (ev) => {
  showError('internal', `Unexpected error: ${ev.message}`);
});

// ---- annotation ----

const view = new AnnotatedView(els.view);
let annotator;
try {
  annotator = new Annotator({
    onReady: (version) => {
      state.version = version;
      clearError('wasm');
    },
    onModel: ({ meta, error }) => {
      if (error) {
        showError('model', `Could not use the model file ${modelName}: ${error}. The previous model stays in use.`);
        return;
      }
      clearError('model');
      const f1 = meta?.dev_f1 ?? meta?.dev_f1_unquantized;
      els.modelStatus.textContent = `Entity model: ${modelName}${typeof f1 === 'number' ? ` (dev F1 ${f1.toFixed(2)})` : ''}`;
      els.builtinModel.hidden = false;
      run();
    },
    onFatal: (message) => {
      showError('wasm', `The annotator is not available: ${message}. (Serving www/ yourself? Build it first with scripts/build-web.)`);
      setStatus('');
    },
  });
} catch (err) {
  showError('wasm', `The annotator is not available: ${err.message}`);
}

const card = new EntityCard(els.card, els.view, {
  entity: (id) => view.byId.get(id),
  cluster: (i) => state.clusters[i],
  jump,
});

const panel = new SidePanel(
  { groups: $('groups'), search: els.search, count: $('search-count'), timeline: $('timeline'), timelineEmpty: $('timeline-empty') },
  jump,
  (match) => view.setMatch(match),
);

/** Moves focus to entity `id`'s mark (showing its card) and scrolls it into view. */
function jump(id) {
  const e = view.byId.get(id);
  if (e && state.hidden.has(e.label)) toggleLabel(e.label); // show what was asked for
  const m = view.markFor(id);
  if (!m) return;
  m.scrollIntoView({ block: 'center' });
  m.focus({ preventScroll: true });
  card.show(m);
  m.classList.remove('flash');
  void m.offsetWidth; // restart the animation
  m.classList.add('flash');
}

function setStatus(text) {
  els.status.textContent = text;
}

// A file's text as read, kept while the text area shows it unchanged: the text area turns CRLF
// into LF, and offsets (and exports) must match the file.
let fileText = null;

/** The text to annotate: the file's own text while unedited, else the text area's. */
function sourceText() {
  const value = els.input.value;
  if (fileText !== null && fileText.length >= value.length && fileText.replace(/\r\n?/g, '\n') === value) return fileText;
  fileText = null;
  return value;
}

let timer = 0;
let frame = 0;
/**
 * Re-annotates after an edit: at once for a paste or drop, on the next frame while typing (so
 * the input events of one frame make one annotation, and every keystroke is annotated), and
 * after a pause for texts long enough to be annotated in pieces.
 */
function schedule(immediate = false) {
  clearTimeout(timer);
  cancelAnimationFrame(frame);
  if (els.input.value.length > WHOLE_LIMIT) timer = setTimeout(run, 500);
  else if (immediate) run();
  else frame = requestAnimationFrame(() => run());
}

let runs = 0;
async function run() {
  clearTimeout(timer);
  if (!annotator || annotator.failed) return; // the reason is already shown
  const text = sourceText();
  const options = els.refDate.value ? { referenceDate: els.refDate.value } : { today: localToday() };
  if (els.dateOrder.value !== 'auto') options.dateOrder = els.dateOrder.value;
  const long = text.length > WHOLE_LIMIT;
  const mine = ++runs;
  const acc = [];
  const counts = new Map();
  if (long) {
    card.hide();
    state.clusters = []; // the view's entities are the new text's from now on
    view.show(text, [], 0);
    setProgress(0, text.length);
    setStatus('Annotating…');
  }
  try {
    const { result, ms } = await annotator.annotate(text, options, (p) => {
      for (const e of p.entities) {
        acc.push(e);
        counts.set(e.label, (counts.get(e.label) ?? 0) + 1);
      }
      view.add(p.entities, p.done);
      setProgress(p.done, p.total);
      updateLegend(counts);
    });
    const entities = long ? acc : result.entities;
    checkOffsets(text, entities);
    Object.assign(state, {
      text,
      entities,
      clusters: result.clusters ?? [],
      referenceDate: result.referenceDate ?? null,
      tokens: result.tokens ?? 0,
      sentences: result.sentences ?? 0,
      ms,
      memoryBytes: annotator.memoryBytes,
    });
    if (!text) annotator.release(); // a cleared text area: the memory of the last text goes back
    if (long) view.add([], text.length);
    else {
      // Keep the focus on the same place in the text when the view is rebuilt.
      const focused = document.activeElement?.closest?.('#view mark.ent');
      const at = focused ? Number(focused.dataset.start) : -1;
      card.hide();
      view.show(text, entities);
      if (at >= 0) {
        const again = els.view.querySelector(`mark.ent[data-start="${at}"]`);
        if (again) again.focus({ preventScroll: true });
      }
    }
    clearError('annotate');
    updateLegend(countLabels(entities));
    panel.update(entities, state.clusters, state.hidden);
    updateProposed();
    setStatus(`Annotated ${fmt(state.tokens)} tokens in ${fmtMs(ms)}`);
    document.dispatchEvent(new CustomEvent('dateline:annotated', { detail: state }));
  } catch (err) {
    if (err instanceof Cancelled || annotator.failed) return; // (a failed annotator says so itself)
    showError('annotate', `Could not annotate this text: ${err.message}`);
    setStatus('');
  } finally {
    if (mine === runs) els.progress.hidden = true;
  }
}

function setProgress(done, total) {
  els.progress.hidden = false;
  els.progressBar.max = total || 1;
  els.progressBar.value = done;
  els.progressText.textContent = `${Math.floor((100 * done) / (total || 1))}% of ${fmt(total)} characters`;
}

els.cancel.addEventListener('click', () => {
  annotator?.cancel();
  els.progress.hidden = true;
  setStatus(`Cancelled after ${fmt(view.covered)} of ${fmt(view.text.length)} characters`);
});

function checkOffsets(text, entities) {
  const bad = entities.filter((e) => text.slice(e.start, e.end) !== e.text);
  if (bad.length) {
    const e = bad[0];
    showError(
      'offsets',
      `${bad.length} highlight(s) do not line up with the text: "${e.text}" at ${e.start}–${e.end} reads "${text.slice(e.start, e.end)}".`,
    );
  } else clearError('offsets');
}

const fmt = (n) => n.toLocaleString('en-US');
const fmtMs = (ms) => (ms < 10 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`);

// ---- legend: colours, counts, and a toggle per label ----

function countLabels(entities) {
  const counts = new Map();
  for (const e of entities) counts.set(e.label, (counts.get(e.label) ?? 0) + 1);
  return counts;
}

function updateLegend(counts) {
  const items = LABELS.map((l) => l.id);
  for (const id of counts.keys()) if (!items.includes(id)) items.push(id);
  els.legend.replaceChildren(
    ...items.map((id) => {
      const info = labelInfo(id);
      const n = counts.get(id) ?? 0;
      const li = document.createElement('li');
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'legend-item';
      b.dataset.label = id;
      b.setAttribute('aria-pressed', String(!state.hidden.has(id)));
      b.title = `${info.about}. Click to ${state.hidden.has(id) ? 'show' : 'hide'} these highlights.`;
      const sw = document.createElement('span');
      sw.className = 'swatch';
      sw.dataset.label = id;
      sw.textContent = id;
      const name = document.createElement('span');
      name.className = 'legend-name';
      name.textContent = info.name;
      const count = document.createElement('span');
      count.className = 'count';
      count.textContent = String(n);
      b.append(sw, ' ', name, ' ', count);
      if (n === 0) b.classList.add('empty');
      li.append(b);
      return li;
    }),
  );
}

els.legend.addEventListener('click', (ev) => {
  const b = ev.target.closest('button.legend-item');
  if (!b) return;
  toggleLabel(b.dataset.label);
  els.legend.querySelector(`button[data-label="${b.dataset.label}"]`)?.focus();
});

/** Switches a label's highlights off or back on. */
function toggleLabel(id) {
  if (state.hidden.has(id)) state.hidden.delete(id);
  else state.hidden.add(id);
  view.setHidden(state.hidden);
  updateLegend(countLabels(state.entities));
  panel.update(state.entities, state.clusters, state.hidden);
}

// ---- document date ----

/** The reader's date, YYYY-MM-DD in local time (a text with no date is read as of it). */
function localToday() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

const PROPOSALS = {
  proposed: (d) => `Proposed from the text: ${d} `,
  'proposed-year': (d) => `Proposed from the text, year assumed: ${d} `,
  today: (d) => `No date in the text; read as of today, ${d} `,
};

function updateProposed() {
  const r = state.referenceDate;
  els.proposed.replaceChildren();
  const say = r && PROPOSALS[r.source];
  if (!say) return;
  els.proposed.append(say(r.date));
  const use = document.createElement('button');
  use.type = 'button';
  use.className = 'button small';
  use.textContent = 'Use';
  use.addEventListener('click', () => {
    els.refDate.value = r.date;
    run();
  });
  els.proposed.append(use);
}

els.refDate.addEventListener('change', run);
els.dateOrder.addEventListener('change', run);

// ---- start ----

initTheme(els.theme);
els.input.addEventListener('input', (event) => {
  // A shared text, once edited, is no longer what the link says: drop the hash.
  if (location.hash) history.replaceState(null, '', location.pathname + location.search);
  schedule(event.inputType === 'insertFromPaste' || event.inputType === 'insertFromDrop');
});
updateLegend(new Map());

// ---- export and share ----

/** The annotation shown, if it is of the text now in the text area. */
function current() {
  if (state.text !== sourceText()) {
    els.exportStatus.textContent = 'The text changed: wait for the annotation to finish, then export.';
    return null;
  }
  return { ...state };
}

function baseName() {
  const words = state.text.trim().split(/\s+/).slice(0, 6).join('-').toLowerCase();
  return (words.normalize('NFD').replace(/[^a-z0-9-]+/g, '').replace(/-+/g, '-').replace(/^-|-$/g, '') || 'dateline').slice(0, 60);
}

async function stylesheet() {
  try {
    const res = await fetch('style.css');
    return res.ok ? await res.text() : '';
  } catch {
    return '';
  }
}

document.querySelector('.export-buttons').addEventListener('click', async (ev) => {
  const b = ev.target.closest('button[data-export]');
  if (!b) return;
  const doc = current();
  if (!doc) return;
  const name = baseName();
  const kind = b.dataset.export;
  if (kind === 'json') download(`${name}.json`, toJSON(doc), 'application/json');
  else if (kind === 'csv') download(`${name}.csv`, toCSV(doc), 'text/csv;charset=utf-8');
  else if (kind === 'ann') download(`${name}.ann`, toBrat(doc), 'text/plain;charset=utf-8');
  else if (kind === 'html') download(`${name}.html`, toHTML(doc, await stylesheet()), 'text/html;charset=utf-8');
  else if (kind === 'tml') download(`${name}.tml`, toTimeML(doc), 'application/xml');
  els.exportStatus.textContent = `Saved ${name}.${kind}`;
});

async function copy(text, what) {
  try {
    await navigator.clipboard.writeText(text);
    els.exportStatus.textContent = `Copied ${what} to the clipboard.`;
    return true;
  } catch (err) {
    els.exportStatus.textContent = `Could not copy ${what} (${err.message}).`;
    return false;
  }
}

$('copy-json').addEventListener('click', () => {
  const doc = current();
  if (doc) copy(toJSON(doc), 'the JSON');
});

$('share').addEventListener('click', async () => {
  let hash;
  try {
    hash = await encodeShare(sourceText(), els.refDate.value || null, els.dateOrder.value);
  } catch (err) {
    els.exportStatus.textContent = `No link: ${err.message}.`;
    els.shareUrl.hidden = true;
    return;
  }
  const url = new URL(location.href);
  url.hash = hash;
  history.replaceState(null, '', url);
  els.shareUrl.value = url.href;
  els.shareUrl.hidden = false;
  if (!(await copy(url.href, 'the link'))) els.shareUrl.select();
  else els.exportStatus.textContent = 'Copied the link: the text travels in its #hash, never to a server.';
});

// ---- files: open or drop a .txt or .html ----

async function loadFile(file) {
  try {
    const text = await readTextFile(file);
    clearError('file');
    els.input.value = text;
    fileText = /\r/.test(text) ? text : null;
    run();
  } catch (err) {
    showError('file', `Could not open the file: ${err.message}`);
  }
}

// A model file of the user's (trained with `dateline train`), checked by the core before use.
let modelName = '';
els.modelInput.addEventListener('change', async () => {
  const file = els.modelInput.files[0];
  els.modelInput.value = '';
  if (!file || !annotator) return;
  modelName = file.name;
  annotator.loadModel(await file.arrayBuffer());
});
els.builtinModel.addEventListener('click', () => {
  annotator?.useBuiltinModel();
  clearError('model');
  els.modelStatus.textContent = 'Entity model: built-in';
  els.builtinModel.hidden = true;
  run();
});

els.file.addEventListener('change', () => {
  if (els.file.files[0]) loadFile(els.file.files[0]);
  els.file.value = '';
});

let dragDepth = 0;
document.addEventListener('dragenter', (ev) => {
  if (!ev.dataTransfer?.types.includes('Files')) return;
  dragDepth++;
  els.input.classList.add('dragging');
});
document.addEventListener('dragleave', () => {
  if (--dragDepth <= 0) {
    dragDepth = 0;
    els.input.classList.remove('dragging');
  }
});
document.addEventListener('dragover', (ev) => {
  if (ev.dataTransfer?.types.includes('Files')) {
    ev.preventDefault();
    ev.dataTransfer.dropEffect = 'copy';
  }
});
document.addEventListener('drop', (ev) => {
  dragDepth = 0;
  els.input.classList.remove('dragging');
  const file = ev.dataTransfer?.files?.[0];
  if (!file) return;
  ev.preventDefault();
  loadFile(file);
});

// ---- start ----

async function fromHash() {
  try {
    return await decodeShare(location.hash);
  } catch (err) {
    showError('share', `This link's text could not be read (${err.message}).`);
    return null;
  }
}

window.addEventListener('hashchange', async () => {
  const shared = await fromHash();
  if (!shared) return;
  els.input.value = shared.text;
  els.refDate.value = shared.referenceDate ?? '';
  els.dateOrder.value = shared.dateOrder;
  run();
});

async function loadSample() {
  try {
    const res = await fetch('sample.txt');
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    clearError('sample');
    return await res.text();
  } catch (err) {
    showError('sample', `Could not load the sample article (${err.message}); paste a text instead.`);
    return null;
  }
}

$('load-sample').addEventListener('click', async () => {
  const text = await loadSample();
  if (text === null) return;
  els.input.value = text;
  fileText = null;
  if (location.hash) history.replaceState(null, '', location.pathname + location.search);
  run();
});

async function start() {
  const shared = await fromHash();
  if (shared) {
    els.input.value = shared.text;
    if (shared.referenceDate) els.refDate.value = shared.referenceDate;
    els.dateOrder.value = shared.dateOrder;
  } else {
    const text = (await loadSample()) ?? '';
    if (!els.input.value) els.input.value = text;
  }
  // The text at once, highlights once the annotator has loaded (the first visit downloads it).
  if (annotator && !annotator.version) {
    view.show(els.input.value, [], 0);
    setStatus('Loading the annotator…');
  }
  run();
}

start();

// Offline use after the first visit. Registered once the first highlights are drawn: its
// install downloads every file again, which must not compete with the page's own start.
if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  const register = () =>
    navigator.serviceWorker.register('sw.js').catch((err) => {
      console.warn('Dateline: no offline support:', err.message);
    });
  document.addEventListener('dateline:annotated', register, { once: true });
}
