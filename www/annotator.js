// Main-thread client of worker.js: one job at a time; a newer job or cancel() supersedes the
// running one, whose promise then rejects with a Cancelled error.

export class Cancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'Cancelled';
  }
}

export class Annotator {
  /**
   * @param {{ onReady?: (version: string) => void, onFatal?: (message: string) => void }} hooks
   */
  constructor(hooks = {}) {
    this.hooks = hooks;
    this.nextId = 1;
    this.job = null; // { id, resolve, reject, onProgress }
    this.version = null;
    this.#spawn();
  }

  #spawn() {
    this.started = false;
    this.failed = null; // why the annotator cannot run, once it is known
    this.worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module', name: 'dateline-annotator' });
    this.worker.onmessage = (ev) => this.#onMessage(ev.data);
    this.worker.onerror = (ev) => {
      ev.preventDefault();
      const detail = ev.message ? `: ${ev.message}` : '';
      this.#fatal(`could not load the annotator (pkg/dateline_wasm.js, worker.js)${detail}`);
    };
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
    if (msg.type === 'ready') {
      this.started = true;
      this.version = msg.version;
      this.hooks.onReady?.(msg.version);
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
