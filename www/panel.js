// The side panel: entities grouped by label (one row per entity, with its number of mentions),
// a search box over them, and a timeline of the dates mentioned, in order of their values.

import { LABELS, labelInfo } from './labels.js';
import { readableTimex } from './values.js';

const MAX_ROWS = 200; // rows shown per group (long documents)

/** Folds case and diacritics, for searching. */
export function fold(s) {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * One row per entity: mentions of the same cluster together, else mentions with the same text.
 * Returns Map(label -> [{ name, label, mentions: [entity...] }]) sorted by mentions, then position.
 */
export function groupEntities(entities, clusters) {
  const rows = new Map();
  for (const e of entities) {
    const c = e.cluster !== undefined && e.cluster !== null ? clusters[e.cluster] : null;
    const key = c ? `c${e.cluster}` : `t${e.label}\u0000${e.text}`;
    let row = rows.get(key);
    if (!row) {
      row = { name: c?.canonical || e.text, label: c?.label || e.label, roles: c?.roles ?? [], mentions: [] };
      rows.set(key, row);
    }
    row.mentions.push(e);
  }
  const groups = new Map();
  for (const row of rows.values()) {
    if (!groups.has(row.label)) groups.set(row.label, []);
    groups.get(row.label).push(row);
  }
  for (const list of groups.values()) {
    list.sort((a, b) => b.mentions.length - a.mentions.length || a.mentions[0].start - b.mentions[0].start);
  }
  return groups;
}

/** Sort key of a TIMEX3 value: ISO-like values in order, then the rest. */
function timeKey(value) {
  return /^\d{4}/.test(value) ? `0${value}` : `1${value}`;
}

export class SidePanel {
  /**
   * @param {{ groups: HTMLElement, search: HTMLInputElement, count: HTMLElement,
   *           timeline: HTMLElement, timelineEmpty: HTMLElement }} els
   * @param {(id: number) => void} jump
   * @param {(match: ((e: any) => boolean) | null) => void} onSearch told which entities match
   */
  constructor(els, jump, onSearch = () => {}) {
    this.onSearch = onSearch;
    this.els = els;
    this.jump = jump;
    this.groups = new Map();
    this.hidden = new Set();
    const onJump = (ev) => {
      const b = ev.target.closest('button[data-jump]');
      if (b) jump(Number(b.dataset.jump));
    };
    els.groups.addEventListener('click', onJump);
    els.timeline.addEventListener('click', onJump);
    let timer = 0;
    els.search.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(() => this.#renderGroups(), 120);
    });
  }

  update(entities, clusters, hidden) {
    this.groups = groupEntities(entities, clusters);
    this.hidden = hidden;
    this.#renderGroups();
    this.#renderTimeline(entities);
  }

  #renderGroups() {
    const q = fold(this.els.search.value.trim());
    this.onSearch(q ? (e) => fold(e.text).includes(q) : null);
    const out = [];
    let shown = 0;
    let total = 0;
    const order = LABELS.map((l) => l.id).concat([...this.groups.keys()].filter((k) => !LABELS.some((l) => l.id === k)));
    for (const label of order) {
      const rows = this.groups.get(label);
      if (!rows) continue;
      const match = q ? rows.filter((r) => fold(r.name).includes(q) || r.mentions.some((e) => fold(e.text).includes(q))) : rows;
      total += rows.length;
      shown += match.length;
      if (!match.length) continue;
      const info = labelInfo(label);
      const mentions = rows.reduce((n, r) => n + r.mentions.length, 0);
      const sec = document.createElement('section');
      sec.className = 'group';
      sec.dataset.label = label;
      if (this.hidden.has(label)) sec.classList.add('off');
      const h = document.createElement('h3');
      const tag = document.createElement('span');
      tag.className = 'swatch';
      tag.dataset.label = label;
      tag.textContent = label;
      const count = document.createElement('span');
      count.className = 'count';
      count.textContent = `${rows.length} ${rows.length === 1 ? 'entity' : 'entities'}, ${mentions} ${mentions === 1 ? 'mention' : 'mentions'}`;
      h.append(tag, ' ', info.name, ' ', count);
      const ul = document.createElement('ul');
      ul.className = 'group-list';
      for (const row of match.slice(0, MAX_ROWS)) {
        const li = document.createElement('li');
        const b = document.createElement('button');
        b.type = 'button';
        b.className = 'link';
        b.dataset.jump = String(row.mentions[0].id);
        b.textContent = row.name;
        li.append(b);
        if (row.mentions.length > 1) {
          const n = document.createElement('span');
          n.className = 'hint times';
          n.textContent = ` ×${row.mentions.length}`;
          li.append(n);
        }
        if (row.roles.length) {
          const r = document.createElement('span');
          r.className = 'hint roles';
          r.textContent = ` — ${row.roles.join('; ')}`;
          li.append(r);
        }
        ul.append(li);
      }
      if (match.length > MAX_ROWS) {
        const li = document.createElement('li');
        li.className = 'hint';
        li.textContent = `and ${match.length - MAX_ROWS} more (search to narrow)`;
        ul.append(li);
      }
      sec.append(h, ul);
      out.push(sec);
    }
    this.els.groups.replaceChildren(...out);
    this.els.count.textContent = q ? `${shown} of ${total} entities match` : '';
  }

  #renderTimeline(entities) {
    const byValue = new Map();
    for (const e of entities) {
      const t = e.timex;
      if (!t || !t.value || t.type === 'DURATION' || t.type === 'SET') continue;
      if (!byValue.has(t.value)) byValue.set(t.value, []);
      byValue.get(t.value).push(e);
    }
    const values = [...byValue.keys()].sort((a, b) => (timeKey(a) < timeKey(b) ? -1 : timeKey(a) > timeKey(b) ? 1 : 0));
    const items = values.slice(0, 500).map((v) => {
      const li = document.createElement('li');
      li.dataset.value = v;
      const when = document.createElement('span');
      when.className = 'when';
      const end = byValue.get(v).find((e) => e.timex.endValue)?.timex.endValue;
      const mod = byValue.get(v).find((e) => e.timex.mod)?.timex.mod;
      when.textContent = readableTimex({ value: v, endValue: end, mod, type: byValue.get(v)[0].timex.type });
      when.title = end ? `${v} – ${end}` : v;
      const what = document.createElement('span');
      what.className = 'what';
      for (const e of byValue.get(v).slice(0, 6)) {
        const b = document.createElement('button');
        b.type = 'button';
        b.className = 'link';
        b.dataset.jump = String(e.id);
        b.textContent = e.text;
        what.append(b, ' ');
      }
      li.append(when, ' ', what);
      return li;
    });
    this.els.timeline.replaceChildren(...items);
    this.els.timelineEmpty.hidden = items.length > 0;
  }
}
