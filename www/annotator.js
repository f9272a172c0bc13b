// Main-thread client of worker.js: one job at a time; a newer job or cancel() supersedes the
// running one, whose promise then rejects with a Cancelled error.

import { adoptWorker, wasmModule } from './boot.js';

export class Cancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'Cancelled';
  }
}

/** Growth of wasm memory beyond its size at start that release() gives back. */
const RELEASE_SLACK_BYTES = 16 << 20;

export class Annotator {
  /**
   * @param {{ onReady?: (version: string) => void, onFatal?: (message: string) => void,
   *   onModel?: (result: { meta?: object, error?: string }) => void }} hooks
   */
  constructor(hooks = {}) {
    this.hooks = hooks;
    this.nextId = 1;
    this.job = null; // { id, resolve, reject, onProgress }
    this.version = null;
    this.model = null; // bytes of a user's model file, sent again to a restarted worker
    this.memoryBytes = 0; // the worker's wasm memory, as last reported
    this.baseMemoryBytes = 0; // ... when it was ready
    this.#spawn();
  }

  #spawn() {
    this.started = false;
    this.failed = null; // why the annotator cannot run, once it is known
    const early = adoptWorker(); // started by boot.js (and sent the wasm), first time only
    this.worker = early?.worker ?? new Worker(new URL('./worker.js', import.meta.url), { type: 'module', name: 'dateline-annotator' });
    if (!early) {
      const worker = this.worker;
      wasmModule.then((module) => worker.postMessage({ type: 'wasm', module }));
    }
    this.worker.onmessage = (ev) => this.#onMessage(ev.data);
    if (this.model) this.worker.postMessage({ type: 'load-model', bytes: this.model });
    this.worker.onerror = (ev) => {
      ev.preventDefault();
      const detail = ev.message ? `: ${ev.message}` : '';
      this.#fatal(`could not load the annotator (pkg/dateline_wasm.js, worker.js)${detail}`);
    };
    for (const [kind, ev] of early?.pending ?? []) {
      if (kind === 'message') this.worker.onmessage(ev);
      else this.worker.onerror(ev);
    }
  }

  #fatal(message) {
    this.failed = message;
    this.hooks.onFatal?.(message);
    if (this.job) {
      this.job.reject(new Error(message));
      this.job = null;
    }
  }

  #onMessage(msg) {
    if (msg.memoryBytes) this.memoryBytes = msg.memoryBytes;
    if (msg.type === 'ready') {
      this.started = true;
      this.version = msg.version;
      this.baseMemoryBytes = msg.memoryBytes;
      this.hooks.onReady?.(msg.version);
      return;
    }
    if (msg.type === 'model' || msg.type === 'model-error') {
      if (msg.type === 'model-error') this.model = null; // the worker kept the model it had
      this.hooks.onModel?.(msg.type === 'model' ? { meta: msg.meta } : { error: msg.message });
      return;
    }
    if (msg.type === 'init-error') {
      this.#fatal(msg.message);
      return;
    }
    const job = this.job;
    if (!job || msg.id !== job.id) return; // a superseded job's late message
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

  /**
   * Gives memory back to the browser after a large text: wasm memory never shrinks, so a
   * worker that grew well past its size at start is replaced by a fresh one (a user's model
   * is sent to it again). Call when the text is cleared; does nothing while a job runs.
   */
  release() {
    if (this.job || this.failed || !this.started) return;
    if (this.memoryBytes > (this.baseMemoryBytes ?? 0) + RELEASE_SLACK_BYTES) this.restart();
  }

  /** Discards the worker (and its wasm instance) and starts a fresh one. */
  restart() {
    this.worker.terminate();
    this.#spawn();
  }

  /**
   * Annotates `text`; resolves with { result, ms }. Long texts report progress messages
   * { done, total, entities } through onProgress before the result (whose entities are then empty).
   */
  annotate(text, options = {}, onProgress = null) {
    this.#supersede();
    if (this.failed) return Promise.reject(new Error(this.failed));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.job = { id, resolve, reject, onProgress };
      this.worker.postMessage({ type: 'annotate', id, text, options });
    });
  }

  /**
   * Uses the entity model in `bytes` (an ArrayBuffer of a model file) from the next job on;
   * hooks.onModel reports its metadata, or why it was refused (the current model then stays).
   */
  loadModel(bytes) {
    this.model = bytes;
    this.worker.postMessage({ type: 'load-model', bytes });
  }

  /** Goes back to the built-in model. */
  useBuiltinModel() {
    this.model = null;
    this.worker.postMessage({ type: 'builtin-model' });
  }

  /** Stops the running job, if any. */
  cancel() {
    this.#supersede();
  }

  #supersede() {
    if (!this.job) return;
    const old = this.job;
    this.job = null;
    this.worker.postMessage({ type: 'cancel', id: old.id });
    old.reject(new Cancelled());
  }
}
