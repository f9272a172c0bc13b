// Main-thread client of worker.js: one job at a time; a newer job or cancel() supersedes the
// running one, whose promise then rejects with a Cancelled error.
//
// Worker 0 annotates short texts. A long text (over WHOLE_LIMIT) is cut into pieces
// (chunks.js) shared out to a small pool of workers, started when the first long text comes:
// the first piece alone (later pieces are anchored on the document date it finds), then the
// rest, a few queued in each worker. Results are merged and reported strictly in text order, so
// progress still means "everything before `done` is annotated" and the result is the one a
// single worker gives.

import { adoptWorker, wasmModule } from './boot.js';
import { WHOLE_LIMIT, pieceBounds, Merger } from './chunks.js';

export class Cancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'Cancelled';
  }
}

/** Growth of wasm memory beyond its size at start that release() gives back. */
const RELEASE_SLACK_BYTES = 16 << 20;
/** Most workers for a long text: each holds its own wasm instance and model (~25 MB). */
const MAX_WORKERS = 4;
/**
 * Pieces a worker of the pool holds at once (queued in the worker): the main thread, busy
 * drawing the view, answers late, and a worker with only its next piece in hand then waits
 * (with 2, a 1 MB paste in the page was no faster on two workers than on one). Not all pieces
 * at once, so that workers that start later get their share.
 */
const QUEUED = 8;

export class Annotator {
  /**
   * @param {{ onReady?: (version: string) => void, onFatal?: (message: string) => void,
   *   onModel?: (result: { meta?: object, error?: string }) => void, workers?: number }} hooks
   *   `workers`: how many workers a long text may use (default: the cores, at most 4; 1 makes
   *   worker 0 annotate the pieces itself, in turn).
   */
  constructor(hooks = {}) {
    this.hooks = hooks;
    this.maxWorkers = Math.max(1, Math.floor(hooks.workers ?? Math.min(navigator.hardwareConcurrency || 1, MAX_WORKERS)));
    this.nextId = 1;
    this.job = null; // { id, resolve, reject, onProgress, pool? }
    this.version = null;
    // Model files sent since the last switch to the built-in model, less those refused or
    // replaced by a later accepted one: replayed, in order, to every new worker, which then
    // ends up with the same model as the others.
    this.models = [];
    this.unanswered = []; // of those, the ones worker 0 has not answered yet, in order
    this.baseMemoryBytes = 0; // worker 0's wasm memory when it was ready
    this.slots = []; // slots[0]: worker 0; then the pool's: { worker, started, memoryBytes, tasks }
    this.poolBroken = false; // an extra worker could not start: no more are tried
    this.#spawn0();
  }

  /** Worker 0, the one that annotates short texts. */
  get worker() {
    return this.slots[0].worker;
  }

  /** The largest wasm memory of a worker, as last reported. */
  get memoryBytes() {
    return Math.max(0, ...this.slots.map((s) => s.memoryBytes));
  }

  #newSlot(worker, sendWasm) {
    const slot = { worker, started: false, memoryBytes: 0, tasks: [] }; // tasks: [{ id, job, index }]
    if (sendWasm) wasmModule.then((module) => worker.postMessage({ type: 'wasm', module }));
    worker.onmessage = (ev) => this.#onMessage(slot, ev.data);
    for (const bytes of this.models) worker.postMessage({ type: 'load-model', bytes });
    return slot;
  }

  #spawn0() {
    this.started = false;
    this.failed = null; // why the annotator cannot run, once it is known
    const early = adoptWorker(); // started by boot.js (and sent the wasm), first time only
    const worker = early?.worker ?? new Worker(new URL('./worker.js', import.meta.url), { type: 'module', name: 'dateline-annotator' });
    const slot = this.#newSlot(worker, !early);
    this.slots[0] = slot;
    this.unanswered = [...this.models];
    worker.onerror = (ev) => {
      ev.preventDefault();
      const detail = ev.message ? `: ${ev.message}` : '';
      this.#fatal(`could not load the annotator (pkg/dateline_wasm.js, worker.js)${detail}`);
    };
    for (const [kind, ev] of early?.pending ?? []) {
      if (kind === 'message') worker.onmessage(ev);
      else worker.onerror(ev);
    }
  }

  /** Starts the pool's extra workers up to maxWorkers (they are kept for later long texts). */
  #spawnPool() {
    while (!this.poolBroken && this.slots.length < this.maxWorkers) {
      const n = this.slots.length;
      const slot = this.#newSlot(new Worker(new URL('./worker.js', import.meta.url), { type: 'module', name: `dateline-annotator-${n}` }), true);
      slot.worker.onerror = (ev) => {
        ev.preventDefault();
        this.#discard(slot);
        this.#dispatch();
      };
      this.slots.push(slot);
    }
  }

  /**
   * Discards a worker that cannot go on (a trap leaves its wasm instance unusable): worker 0 is
   * replaced at once, an extra one at once during a long job, else when the pool is next needed
   * (never if it could not even start). Pieces of the running job it held go to the others.
   */
  #discard(slot) {
    if (!this.slots.includes(slot)) return;
    const p = this.job?.pool;
    if (p) {
      for (const t of slot.tasks) if (t.job === this.job) p.retry.push(t.index);
      p.retry.sort((a, b) => a - b);
    }
    slot.tasks = [];
    if (slot === this.slots[0]) {
      this.restart();
      return;
    }
    this.slots.splice(this.slots.indexOf(slot), 1);
    slot.worker.terminate();
    if (!slot.started) this.poolBroken = true;
    if (this.job?.pool) this.#spawnPool(); // (a trap in an older job's piece: the pool stays whole)
  }

  #fatal(message) {
    this.failed = message;
    this.hooks.onFatal?.(message);
    if (this.job) this.#failJob(message);
  }

  /** Rejects the running job with `message`, stopping its other pieces. */
  #failJob(message) {
    const job = this.job;
    this.job = null;
    this.#cancelPieces(job);
    job.reject(new Error(message));
  }

  #onMessage(slot, msg) {
    if (msg.memoryBytes) slot.memoryBytes = msg.memoryBytes;
    if (msg.type === 'ready') {
      slot.started = true;
      if (slot === this.slots[0]) {
        this.started = true;
        this.version = msg.version;
        this.baseMemoryBytes = msg.memoryBytes;
        this.hooks.onReady?.(msg.version);
      }
      this.#dispatch();
      return;
    }
    if (msg.type === 'model' || msg.type === 'model-error') {
      if (slot !== this.slots[0]) return; // the others get the same files, in the same order
      const bytes = this.unanswered.shift();
      const i = this.models.indexOf(bytes);
      if (i >= 0) this.models.splice(msg.type === 'model' ? 0 : i, msg.type === 'model' ? i : 1);
      this.hooks.onModel?.(msg.type === 'model' ? { meta: msg.meta } : { error: msg.message });
      return;
    }
    if (msg.type === 'init-error') {
      if (slot === this.slots[0]) this.#fatal(msg.message);
      else this.#discard(slot);
      this.#dispatch();
      return;
    }
    const task = slot.tasks.find((t) => t.id === msg.id);
    if (task) {
      this.#onPiece(slot, task, msg);
      return;
    }
    const job = this.job;
    if (slot !== this.slots[0] || !job || job.pool || msg.id !== job.id) return; // a superseded job's late message
    if (msg.type === 'progress') {
      job.onProgress?.(msg);
    } else if (msg.type === 'result') {
      this.job = null;
      job.resolve({ result: msg.result, ms: msg.ms });
    } else if (msg.type === 'cancelled') {
      this.job = null;
      job.reject(new Cancelled());
    } else if (msg.type === 'error') {
      this.job = null;
      if (msg.fatal) this.restart();
      job.reject(new Error(msg.message));
    }
  }

  /** A worker's answer for one piece of a long text. */
  #onPiece(slot, task, msg) {
    const { job, index } = task;
    slot.tasks.splice(slot.tasks.indexOf(task), 1);
    const current = job === this.job;
    if (msg.type === 'error') {
      // The running job fails on its own piece's error; a trap in an older job's piece only
      // costs the worker (the running job's pieces queued behind it go to the others).
      if (current) this.#failJob(msg.message);
      if (msg.fatal) this.#discard(slot);
    } else if (msg.type === 'result' && current) {
      const p = job.pool;
      p.results[index] = msg.result;
      // Pieces go out in text order: a later piece that finished first waits for those before.
      while (p.results[p.merged] && this.job === job) {
        const i = p.merged++;
        const [a, b] = [p.bounds[i], p.bounds[i + 1]];
        const entities = p.merger.add(a, b, p.results[i]);
        p.results[i] = null;
        if (i === 0) p.later = p.merger.options;
        job.onProgress?.({ type: 'progress', id: job.id, done: b, total: p.text.length, entities });
      }
      if (this.job === job && p.merged === p.bounds.length - 1) {
        this.job = null;
        job.resolve({ result: p.merger.result(), ms: performance.now() - p.t0 });
      }
    }
    this.#dispatch();
  }

  /** Hands the running long job's next pieces to the workers that are ready and free. */
  #dispatch() {
    const job = this.job;
    const p = job?.pool;
    if (!p) return;
    // Round by round, one more piece to each worker that has room, in text order (pieces
    // taken back from a discarded worker first).
    for (let depth = 1; depth <= QUEUED; depth++) {
      for (const slot of this.slots) {
        if (!p.retry.length && (p.next === p.bounds.length - 1 || (p.next > 0 && !p.later))) return;
        if (!slot.started || slot.tasks.length >= depth) continue;
        const i = p.retry.length ? p.retry.shift() : p.next++;
        const id = this.nextId++;
        slot.tasks.push({ id, job, index: i });
        const text = p.text.slice(p.bounds[i], p.bounds[i + 1]);
        slot.worker.postMessage({ type: 'piece', id, text, options: i === 0 ? p.options : p.later });
      }
    }
  }

  #cancelPieces(job) {
    for (const slot of this.slots) for (const t of slot.tasks) if (t.job === job) slot.worker.postMessage({ type: 'cancel', id: t.id });
  }

  /**
   * Gives memory back to the browser after a large text: wasm memory never shrinks, so a
   * worker that grew well past its size at start is replaced by a fresh one (a user's model
   * is sent to it again), and the pool's extra workers are ended (started again for the next
   * long text). Call when the text is cleared; does nothing while a job runs.
   */
  release() {
    if (this.job || this.failed || !this.started) return;
    for (const slot of this.slots.splice(1)) slot.worker.terminate();
    if (this.slots[0].memoryBytes > (this.baseMemoryBytes ?? 0) + RELEASE_SLACK_BYTES) this.restart();
  }

  /** Discards worker 0 (and its wasm instance) and starts a fresh one. */
  restart() {
    this.slots[0].worker.terminate();
    this.#spawn0();
  }

  /**
   * Annotates `text`; resolves with { result, ms }. Long texts report progress messages
   * { done, total, entities } through onProgress before the result (whose entities are then
   * empty), in text order.
   */
  annotate(text, options = {}, onProgress = null) {
    this.#supersede();
    if (this.failed) return Promise.reject(new Error(this.failed));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.job = { id, resolve, reject, onProgress };
      if (text.length <= WHOLE_LIMIT || this.maxWorkers === 1) {
        this.slots[0].worker.postMessage({ type: 'annotate', id, text, options });
        return;
      }
      const bounds = pieceBounds(text);
      this.job.pool = {
        text,
        bounds,
        options,
        // Options of the pieces after the first: known at once if the job gives the date.
        later: options.referenceDate ? options : null,
        merger: new Merger(text, options),
        results: [],
        next: 0, // the next piece to hand out
        retry: [], // pieces to hand out again (their worker was discarded), in text order
        merged: 0, // pieces merged and reported so far
        t0: performance.now(),
      };
      this.#spawnPool();
      this.#dispatch();
    });
  }

  /**
   * Uses the entity model in `bytes` (an ArrayBuffer of a model file) from the next job on;
   * hooks.onModel reports its metadata, or why it was refused (the current model then stays).
   */
  loadModel(bytes) {
    this.models.push(bytes);
    this.unanswered.push(bytes);
    for (const slot of this.slots) slot.worker.postMessage({ type: 'load-model', bytes });
  }

  /** Goes back to the built-in model. */
  useBuiltinModel() {
    this.models = [];
    for (const slot of this.slots) slot.worker.postMessage({ type: 'builtin-model' });
  }

  /** Stops the running job, if any. */
  cancel() {
    this.#supersede();
  }

  #supersede() {
    if (!this.job) return;
    const old = this.job;
    this.job = null;
    if (old.pool) this.#cancelPieces(old);
    else this.slots[0].worker.postMessage({ type: 'cancel', id: old.id });
    old.reject(new Cancelled());
  }
}
