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
   * @param {{ onReady?: (version: string) => void, onFatal?: (message: string) => void,
   *   onModel?: (result: { meta?: object, error?: string }) => void }} hooks
   */
  constructor(hooks = {}) {
    this.hooks = hooks;
    this.nextId = 1;
    this.job = null; // { id, resolve, reject, onProgress }
    this.version = null;
    this.model = null; // bytes of a user's model file, sent again to a restarted worker
    this.#spawn();
  }

  #spawn() {
    this.started = false;
    this.failed = null; // why the annotator cannot run, once it is known
    this.worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module', name: 'dateline-annotator' });
    this.worker.onmessage = (ev) => this.#onMessage(ev.data);
    if (this.model) this.worker.postMessage({ type: 'load-model', bytes: this.model });
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
