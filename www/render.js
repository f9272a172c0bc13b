// The annotated view: the text, with each entity a focusable <mark>. Text only ever enters the
// DOM as text nodes. Long texts are split into pieces (see chunks.js) shown as plain text at
// once; a piece gets its highlights when it scrolls near the viewport, and the rest in idle time.

import { WHOLE_LIMIT, pieceBounds } from './chunks.js';

const SLICE_MS = 12; // budget of one background rendering slice

export class AnnotatedView {
  /** @param {HTMLElement} root */
  constructor(root) {
    this.root = root;
    this.text = '';
    this.entities = [];
    this.hidden = new Set(); // labels switched off
    this.match = null; // (entity) => boolean: marks to outline (the panel's search)
    this.pieces = [];
    this.covered = 0; // entities are known for text.slice(0, covered)
    this.byId = new Map(); // entity id -> entity
    this.observer = new IntersectionObserver((entries) => this.#onIntersect(entries), {
      rootMargin: '800px 0px',
    });
    this.idleTimer = 0;
    this.matchGen = 0; // bumped by setMatch; each painted piece records the one it shows
  }

  /**
   * Replaces the view with `text`. `entities` (sorted, non-overlapping, UTF-16 offsets) cover
   * text.slice(0, covered); more may follow with `add`.
   */
  show(text, entities = [], covered = text.length) {
    this.observer.disconnect();
    clearTimeout(this.idleTimer);
    this.text = text;
    this.entities = [];
    this.byId.clear();
    this.covered = 0;
    const bounds = text.length <= WHOLE_LIMIT ? [0, text.length] : pieceBounds(text);
    this.pieces = [];
    const frag = document.createDocumentFragment();
    for (let i = 0; i + 1 < bounds.length; i++) {
      const el = document.createElement('span');
      // A long text's pieces are blocks whose layout is skipped while off screen
      // (content-visibility), so painting one piece does not re-lay out the whole text.
      el.className = bounds.length > 2 ? 'piece lazy' : 'piece';
      if (bounds[i + 1] > bounds[i]) el.append(document.createTextNode(text.slice(bounds[i], bounds[i + 1])));
      this.pieces.push({ start: bounds[i], end: bounds[i + 1], el, from: 0, to: 0, done: false, visible: false });
      frag.append(el);
    }
    this.root.replaceChildren(frag);
    if (this.pieces.length > 1) for (const p of this.pieces) this.observer.observe(p.el);
    this.add(entities, covered);
  }

  /** Appends entities (after those already known) now known for text.slice(0, covered). */
  add(entities, covered) {
    for (const e of entities) {
      this.entities.push(e);
      this.byId.set(e.id, e);
    }
    this.covered = Math.max(this.covered, covered);
    this.#assign();
    if (this.pieces.length === 1) {
      this.#paint(this.pieces[0]);
      return;
    }
    for (const p of this.pieces) if (p.visible) this.#paint(p);
    this.#scheduleIdle();
  }

  /** Switches labels off (their marks become plain text and leave the tab order). */
  setHidden(hidden) {
    this.hidden = new Set(hidden);
    for (const p of this.pieces) p.done = false;
    // Pieces on screen now, the rest in idle time (a long text has many).
    for (const p of this.pieces) if (p.visible || this.pieces.length === 1) this.#paint(p);
    this.#scheduleIdle();
  }

  /** Outlines the marks of entities for which `match` is true (null: none). */
  setMatch(match) {
    if (!match && !this.match) return;
    this.match = match;
    this.matchGen++;
    this.root.classList.toggle('searching', Boolean(match));
    // Pieces on screen now; the others when they come into view (a long text has many marks).
    for (const p of this.pieces) if (p.done && (p.visible || this.pieces.length === 1)) this.#applyMatch(p);
  }

  #applyMatch(p) {
    if (p.matchGen === this.matchGen) return;
    p.matchGen = this.matchGen;
    const match = this.match;
    for (const m of p.el.querySelectorAll('mark.ent')) {
      const e = this.byId.get(Number(m.dataset.id));
      m.classList.toggle('match', Boolean(match && e && match(e)));
    }
  }

  /** The <mark> of entity `id`, rendering its piece first if needed. */
  markFor(id) {
    const e = this.byId.get(id);
    if (!e) return null;
    const p = this.pieces.find((q) => e.start >= q.start && e.end <= q.end);
    if (p && !p.done) this.#paint(p);
    return this.root.querySelector(`mark[data-id="${CSS.escape(String(id))}"]`);
  }

  get pending() {
    return this.pieces.some((p) => !p.done);
  }

  // Gives each piece the range [from, to) of entities that lie inside it.
  #assign() {
    const ents = this.entities;
    let i = 0;
    for (const p of this.pieces) {
      while (i < ents.length && ents[i].start < p.start) i++;
      p.from = i;
      while (i < ents.length && ents[i].end <= p.end) i++;
      p.to = i;
    }
  }

  #onIntersect(entries) {
    for (const entry of entries) {
      const p = this.pieces.find((q) => q.el === entry.target);
      if (!p) continue;
      p.visible = entry.isIntersecting;
      if (p.visible) {
        this.#paint(p);
        if (p.done) this.#applyMatch(p);
      }
    }
  }

  #scheduleIdle() {
    clearTimeout(this.idleTimer);
    if (!this.pending) return;
    this.idleTimer = setTimeout(() => {
      const until = performance.now() + SLICE_MS;
      for (const p of this.pieces) {
        if (!p.done && p.end <= this.covered) this.#paint(p);
        if (performance.now() > until) break;
      }
      if (this.pieces.some((p) => !p.done && p.end <= this.covered)) this.#scheduleIdle();
    }, 0);
  }

  // Renders a piece's marks, once its entities are known. An entity inside another (a date in
  // an event's name) is a mark inside the other's mark; one that crosses another's boundary
  // cannot be shown as marks and is left out (the core's entities never overlap).
  #paint(p) {
    if (p.done || p.end > this.covered) return;
    const { text } = this;
    const list = [];
    for (let i = p.from; i < p.to; i++) if (!this.hidden.has(this.entities[i].label)) list.push(this.entities[i]);
    list.sort((a, b) => a.start - b.start || b.end - a.end); // parents before their children
    const frag = document.createDocumentFragment();
    const open = [{ node: frag, end: p.end }]; // the marks being filled, innermost last
    let at = p.start;
    const emit = (to) => {
      if (to > at) open[open.length - 1].node.append(document.createTextNode(text.slice(at, to)));
      at = Math.max(at, to);
    };
    const close = () => {
      emit(open[open.length - 1].end); // the rest of the innermost mark's text, inside it
      open.pop();
    };
    for (const e of list) {
      while (open.length > 1 && open[open.length - 1].end <= e.start) close();
      if (e.start < at || e.end > open[open.length - 1].end) continue; // crosses a boundary
      emit(e.start);
      const m = makeMark(e);
      if (this.match?.(e)) m.classList.add('match');
      if (open.length > 1) m.classList.add('nested');
      open[open.length - 1].node.append(m);
      open.push({ node: m, end: e.end });
    }
    while (open.length > 1) close();
    emit(p.end);
    p.el.replaceChildren(frag);
    p.done = true;
    p.matchGen = this.matchGen;
  }
}

function makeMark(e) {
  const m = document.createElement('mark');
  m.className = 'ent';
  m.tabIndex = 0;
  m.dataset.label = e.label;
  m.dataset.id = String(e.id);
  m.dataset.start = String(e.start);
  m.dataset.end = String(e.end);
  if (e.cluster !== undefined && e.cluster !== null) m.dataset.cluster = String(e.cluster);
  return m;
}
