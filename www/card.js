// The entity card: one role="tooltip" element, shown for the hovered, focused or tapped mark
// and referenced from it by aria-describedby. Built with text nodes only.

import { labelInfo } from './labels.js';
import { readableTimex } from './values.js';

const HIDE_DELAY = 250;

export class EntityCard {
  /**
   * @param {HTMLElement} card the role="tooltip" element
   * @param {HTMLElement} view the annotated view holding the marks
   * @param {{ entity: (id: number) => any, cluster: (i: number) => any, jump: (id: number) => void }} ctx
   */
  constructor(card, view, ctx) {
    this.card = card;
    this.view = view;
    this.ctx = ctx;
    this.mark = null;
    this.hideTimer = 0;

    view.addEventListener('mouseover', (ev) => {
      const m = ev.target.closest?.('mark.ent');
      if (m) this.show(m);
    });
    view.addEventListener('mouseout', (ev) => {
      const m = ev.target.closest?.('mark.ent');
      if (m && !m.contains(ev.relatedTarget) && document.activeElement !== m) this.hideSoon();
    });
    view.addEventListener('focusin', (ev) => {
      const m = ev.target.closest?.('mark.ent');
      if (m) this.show(m);
    });
    view.addEventListener('focusout', (ev) => {
      if (!card.contains(ev.relatedTarget)) this.hideSoon();
    });
    view.addEventListener('click', (ev) => {
      const m = ev.target.closest?.('mark.ent');
      if (m) this.show(m);
    });
    view.addEventListener('keydown', (ev) => {
      const m = ev.target.closest?.('mark.ent');
      if (!m) return;
      if (ev.key === 'Enter' || ev.key === ' ') {
        // Enter / Space: next mention of the same entity, when there is one.
        const next = this.#otherMentions(m)[0];
        if (next !== undefined) {
          ev.preventDefault();
          this.ctx.jump(next.id);
        }
      }
    });
    card.addEventListener('mouseenter', () => clearTimeout(this.hideTimer));
    card.addEventListener('mouseleave', () => {
      if (document.activeElement !== this.mark) this.hideSoon();
    });
    card.addEventListener('click', (ev) => {
      const b = ev.target.closest?.('button[data-jump]');
      if (b) this.ctx.jump(Number(b.dataset.jump));
    });
    document.addEventListener('keydown', (ev) => {
      if (ev.key === 'Escape' && !card.hidden) {
        this.hide();
        ev.preventDefault();
      }
    });
    window.addEventListener('resize', () => this.hide());
    // Follow the mark when the page or the view scrolls (capture: scroll events do not bubble).
    document.addEventListener('scroll', () => this.mark && this.#place(), { passive: true, capture: true });
  }

  get open() {
    return !this.card.hidden;
  }

  hideSoon() {
    clearTimeout(this.hideTimer);
    this.hideTimer = setTimeout(() => {
      // The pointer left a mark: back to the focused mark's card, if a mark has the focus.
      const focused = document.activeElement?.closest?.('mark.ent');
      const inView = Boolean(focused && this.view.contains(focused));
      if (!inView) this.hide();
      else if (focused !== this.mark) this.show(focused);
      // else: the card is the focused mark's already; it stays
    }, HIDE_DELAY);
  }

  hide() {
    clearTimeout(this.hideTimer);
    this.card.hidden = true;
    if (this.mark) this.mark.removeAttribute('aria-describedby');
    this.mark = null;
  }

  // Entities of the same cluster as mark m, starting after m and wrapping around.
  #otherMentions(m) {
    if (m.dataset.cluster === undefined) return [];
    const c = this.ctx.cluster(Number(m.dataset.cluster));
    if (!c) return [];
    const id = Number(m.dataset.id);
    const ents = c.mentions.map((k) => this.ctx.entity(k)).filter((e) => e && e.id !== id);
    ents.sort((a, b) => a.start - b.start);
    const start = Number(m.dataset.start);
    const after = ents.filter((e) => e.start > start);
    const before = ents.filter((e) => e.start < start);
    return [...after, ...before];
  }

  /** Shows the card for mark `m`. */
  show(m) {
    clearTimeout(this.hideTimer);
    const e = this.ctx.entity(Number(m.dataset.id));
    if (!e) return;
    if (this.mark && this.mark !== m) this.mark.removeAttribute('aria-describedby');
    this.mark = m;
    m.setAttribute('aria-describedby', this.card.id);
    this.card.replaceChildren(...this.#content(e, m));
    this.card.hidden = false;
    this.#place();
  }

  #content(e, m) {
    const info = labelInfo(e.label);
    const out = [];
    const head = el('p', 'card-head');
    const tag = el('span', 'card-label', e.label);
    tag.dataset.label = e.label;
    head.append(tag, ' ', el('span', 'card-label-name', info.name));
    out.push(head);
    out.push(el('p', 'card-text', e.text));

    const dl = el('dl', 'card-facts');
    const fact = (k, v) => {
      if (v === undefined || v === null || v === '') return;
      dl.append(el('dt', null, k), el('dd', null, String(v)));
    };
    if (e.timex) {
      const t = e.timex;
      const iso = t.endValue ? `${t.value} – ${t.endValue}` : t.value;
      const words = readableTimex(t);
      if (words !== iso) fact('In words', words);
      fact('Value', iso);
      fact('Kind', t.type + (t.mod ? ` (${t.mod})` : ''));
      fact('Anchor', t.anchor);
      fact('Why', t.explanation);
    }
    const cluster = e.cluster !== undefined && e.cluster !== null ? this.ctx.cluster(e.cluster) : null;
    if (cluster) {
      if (cluster.canonical && cluster.canonical !== e.text) fact('Entity', cluster.canonical);
      if (cluster.roles?.length) fact('Described as', cluster.roles.join('; '));
    }
    if (typeof e.score === 'number') fact('Confidence', percent(e.score));
    if (dl.childElementCount) out.push(dl);

    const others = this.#otherMentions(m);
    if (others.length) {
      out.push(el('p', 'card-sub', `Other mentions (${others.length})`));
      const ul = el('ul', 'card-mentions');
      for (const o of others.slice(0, 8)) {
        const b = el('button', 'link', o.text);
        b.type = 'button';
        b.tabIndex = -1;
        b.dataset.jump = String(o.id);
        b.title = `Jump to this mention`;
        ul.append(el('li', null, b));
      }
      if (others.length > 8) ul.append(el('li', 'hint', `and ${others.length - 8} more`));
      out.push(ul);
    }
    return out;
  }

  // Positions the card under the mark (above it if there is no room), inside the viewport.
  #place() {
    const m = this.mark;
    if (!m || !m.isConnected) return this.hide();
    const rect = m.getClientRects()[0] ?? m.getBoundingClientRect();
    const box = this.view.getBoundingClientRect();
    if (rect.bottom < box.top || rect.top > box.bottom || rect.bottom < 0 || rect.top > window.innerHeight) {
      // The mark scrolled out of sight: the card goes with it.
      this.hide();
      return;
    }
    const card = this.card;
    const w = card.offsetWidth;
    const h = card.offsetHeight;
    const vw = document.documentElement.clientWidth;
    const vh = document.documentElement.clientHeight;
    const left = Math.max(8, Math.min(rect.left, vw - w - 8));
    let top = rect.bottom + 6;
    if (top + h > vh - 8 && rect.top - h - 6 > 8) top = rect.top - h - 6;
    card.style.setProperty('left', `${Math.round(left)}px`);
    card.style.setProperty('top', `${Math.round(top)}px`);
  }
}

function percent(p) {
  if (p < 0.005) return 'under 1%';
  if (p > 0.995 && p < 1) return 'over 99%';
  return `${Math.round(p * 100)}%`;
}

function el(tag, cls, ...children) {
  const n = document.createElement(tag);
  if (cls) n.className = cls;
  for (const c of children) n.append(c);
  return n;
}
