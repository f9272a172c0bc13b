// Splitting long texts into pieces that the worker(s) annotate and the view renders lazily, and
// merging the pieces' results. Worker and view use the same boundaries, so no entity ever
// crosses a piece. (Here rather than in a module of its own: the service worker precaches this
// file for offline use.)

/** Texts up to this many UTF-16 units are annotated in one call and rendered at once. */
export const WHOLE_LIMIT = 100_000;
/** Target size of a piece of a long text, in UTF-16 units. */
export const PIECE = 20_000;

/**
 * Cut points [0, c1, c2, ..., text.length] near multiples of `size`: after a blank line if
 * there is one in the second half of the window, else after a line break, else after a space,
 * else at the size itself (never inside a surrogate pair).
 */
export function pieceBounds(text, size = PIECE) {
  const bounds = [0];
  let start = 0;
  while (text.length - start > size) {
    const target = start + size;
    const floor = start + (size >> 1);
    let cut = text.lastIndexOf('\n\n', target - 2);
    if (cut >= floor) cut += 2;
    else {
      cut = text.lastIndexOf('\n', target - 1);
      if (cut >= floor) cut += 1;
      else {
        cut = text.lastIndexOf(' ', target - 1);
        if (cut >= floor) cut += 1;
        else {
          cut = target;
          const c = text.charCodeAt(cut - 1);
          if (c >= 0xd800 && c <= 0xdbff) cut -= 1;
        }
      }
    }
    bounds.push(cut);
    start = cut;
  }
  bounds.push(text.length);
  return bounds;
}

/** Number of Unicode code points in text.slice(from, to). */
export function codePoints(text, from = 0, to = text.length) {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/**
 * Merges a long text's piece results into one: offsets moved onto the whole text, entity ids
 * renumbered in text order, clusters merged by label and canonical name. Shared by worker.js
 * (one worker, pieces in turn) and annotator.js (a pool of workers), so both give the same
 * result; pieces must be added in text order.
 */
export class Merger {
  /** `options`: the job's options, with which the first piece is annotated. */
  constructor(text, options = {}) {
    this.text = text;
    this.options = { ...options }; // for the pieces after the first (see add)
    this.referenceDate = null;
    this.tokens = 0;
    this.sentences = 0;
    this.pieces = 0;
    this.nextId = 0;
    this.cpAt = 0;
    this.clusters = [];
    this.clusterKey = new Map(); // label + canonical -> index in clusters
  }

  /** Adds the result `r` of text.slice(a, b), the piece after the last one added; returns its entities. */
  add(a, b, r) {
    if (this.pieces++ === 0) {
      this.referenceDate = r.referenceDate ?? null;
      // Later pieces are anchored on the document's date, as found in its first piece.
      if (!this.options.referenceDate && this.referenceDate) this.options = { ...this.options, referenceDate: this.referenceDate.date };
    }
    this.tokens += r.tokens;
    this.sentences += r.sentences;
    const idMap = new Map();
    for (const e of r.entities) idMap.set(e.id, this.nextId++);
    const clusterMap = r.clusters.map((c) => {
      const key = `${c.label}\u0000${c.canonical}`;
      let k = this.clusterKey.get(key);
      if (k === undefined) {
        k = this.clusters.length;
        this.clusterKey.set(key, k);
        this.clusters.push({ id: k, canonical: c.canonical, label: c.label, mentions: [], roles: [], salience: 0 });
      }
      const g = this.clusters[k];
      for (const m of c.mentions) if (idMap.has(m)) g.mentions.push(idMap.get(m));
      for (const role of c.roles) if (!g.roles.includes(role)) g.roles.push(role);
      g.salience = Math.max(g.salience, c.salience);
      return k;
    });
    const cpAt = this.cpAt;
    const entities = r.entities.map((e) => {
      const out = { ...e, id: idMap.get(e.id), start: a + e.start, end: a + e.end, cpStart: cpAt + e.cpStart, cpEnd: cpAt + e.cpEnd };
      if (e.cluster !== undefined && e.cluster !== null) out.cluster = clusterMap[e.cluster];
      return out;
    });
    this.cpAt += codePoints(this.text, a, b);
    return entities;
  }

  /** The job's result once every piece is added (its entities went out with the progress). */
  result() {
    const { clusters, referenceDate, tokens, sentences, pieces } = this;
    return { entities: [], clusters, referenceDate, tokens, sentences, pieces };
  }
}
