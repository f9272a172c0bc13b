// Dateline's page: wires the text area, the worker-backed annotator, the annotated view, the
// entity card, the legend and the theme toggle. User text only ever enters the DOM as text.

import { Annotator, Cancelled } from './annotator.js';
import { AnnotatedView } from './render.js';
import { EntityCard } from './card.js';
import { LABELS, labelInfo } from './labels.js';
import { initTheme } from './theme.js';
import { WHOLE_LIMIT } from './chunks.js';

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
  proposed: $('proposed-date'),
  theme: $('theme-toggle'),
  file: $('file-input'),
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
    onReady: () => clearError('wasm'),
    onFatal: (message) => {
      showError('wasm', `The annotator is not available: ${message}`);
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

/** Moves focus to entity `id`'s mark (showing its card) and scrolls it into view. */
function jump(id) {
  const m = view.markFor(id);
  if (!m) return;
  m.scrollIntoView({ block: 'center' });
  m.focus({ preventScroll: true });
  card.show(m);
}

function setStatus(text) {
  els.status.textContent = text;
}

let timer = 0;
function schedule() {
  clearTimeout(timer);
  timer = setTimeout(run, els.input.value.length > WHOLE_LIMIT ? 500 : 120);
}

let runs = 0;
async function run() {
  clearTimeout(timer);
  if (!annotator) return;
  const text = els.input.value;
  const options = els.refDate.value ? { referenceDate: els.refDate.value } : {};
  const long = text.length > WHOLE_LIMIT;
  const mine = ++runs;
  const acc = [];
  if (long) {
    card.hide();
    view.show(text, [], 0);
    setProgress(0, text.length);
    setStatus('Annotating…');
  }
  try {
    const { result, ms } = await annotator.annotate(text, options, (p) => {
      for (const e of p.entities) acc.push(e);
      view.add(p.entities, p.done);
      setProgress(p.done, p.total);
      updateLegend(acc);
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
    });
    if (long) view.add([], text.length);
    else {
      if (card.open && !els.view.contains(document.activeElement)) card.hide();
      view.show(text, entities);
    }
    clearError('annotate');
    updateLegend(entities);
    updateProposed();
    setStatus(`Annotated ${fmt(state.tokens)} tokens in ${fmtMs(ms)}`);
    document.dispatchEvent(new CustomEvent('dateline:annotated', { detail: state }));
  } catch (err) {
    if (err instanceof Cancelled) return;
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

function updateLegend(entities) {
  const counts = new Map();
  for (const e of entities) counts.set(e.label, (counts.get(e.label) ?? 0) + 1);
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
  const id = b.dataset.label;
  if (state.hidden.has(id)) state.hidden.delete(id);
  else state.hidden.add(id);
  view.setHidden(state.hidden);
  updateLegend(state.entities);
  els.legend.querySelector(`button[data-label="${id}"]`)?.focus();
});

// ---- document date ----

function updateProposed() {
  const r = state.referenceDate;
  els.proposed.replaceChildren();
  if (!r || r.source !== 'proposed') return;
  els.proposed.append(`Proposed from the text: ${r.date} `);
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

// ---- start ----

initTheme(els.theme);
els.input.addEventListener('input', schedule);
updateLegend([]);

async function start() {
  let text = '';
  try {
    const res = await fetch('sample.txt');
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    text = await res.text();
  } catch (err) {
    showError('sample', `Could not load the sample article (${err.message}); paste a text instead.`);
  }
  if (!els.input.value) els.input.value = text;
  run();
}

start();
