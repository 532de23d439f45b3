// The page's side of worker.js: promise-based requests, batch progress, cancellation and
// restarts that replay the user dictionary. See the protocol at the top of worker.js.

const WORKER_URL = new URL('./worker.js', import.meta.url);

/** Thrown (as a rejection) when a request was cancelled or its worker was restarted. */
export class Cancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'Cancelled';
  }
}

export class AnalyzerClient {
  #worker = null;
  #pending = new Map();
  #nextId = 1;
  #dictionary = '';
  #url = WORKER_URL;
  #type = 'module';
  /** Resolves with the worker's start-up time in ms once the analyzer is loaded. */
  ready = null;

  /**
   * @param {{dictionary?: string, boot?: {worker: Worker, early: object[]}}} [options]
   *   `dictionary`: user dictionary (jieba format) loaded at start; `boot`: a worker started
   *   earlier (boot.js) and the messages it already sent.
   */
  constructor({ dictionary = '', boot = null } = {}) {
    this.#dictionary = dictionary;
    // Restarts use the boot worker's URL (a blob: URL in the single-file build).
    if (boot?.url) [this.#url, this.#type] = [boot.url, boot.type];
    this.#start(boot);
  }

  #start(boot = null) {
    const worker = boot?.worker ?? new Worker(this.#url, { type: this.#type });
    this.#worker = worker;
    this.ready = new Promise((resolve, reject) => {
      const fail = (message) => reject(new Error(message || 'worker failed to start'));
      const handle = ({ data }) => {
        if ('ready' in data) {
          if (data.ready) resolve(data.ms);
          else fail(data.error);
          return;
        }
        this.#receive(data);
      };
      worker.onerror = (e) => fail(e.message);
      worker.onmessage = handle;
      for (const e of boot?.early.splice(0) ?? []) {
        if (e.error) fail(e.error);
        else handle(e);
      }
    });
    // Rejections surface through requests; keep this one from being reported as unhandled.
    this.ready.catch(() => {});
    if (this.#dictionary.trim()) this.request('loadDictionary', { text: this.#dictionary }).promise.catch(() => {});
  }

  #receive(data) {
    const job = this.#pending.get(data.id);
    if (!job) return;
    if (data.progress) return job.onProgress?.(data.progress);
    if (data.item) return job.onItem?.(data.item);
    this.#pending.delete(data.id);
    clearTimeout(job.killTimer);
    if (data.ok) job.resolve(data.value);
    else job.reject(data.cancelled ? new Cancelled() : new Error(data.error));
  }

  /**
   * Sends one request. Returns `{ id, promise }`.
   * @param {string} op
   * @param {object} args
   * @param {{onProgress?: Function, onItem?: Function, transfer?: Transferable[]}} [hooks]
   */
  request(op, args = {}, hooks = {}) {
    const id = this.#nextId++;
    const promise = new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject, onProgress: hooks.onProgress, onItem: hooks.onItem });
    });
    this.#worker.postMessage({ id, op, ...args }, hooks.transfer ?? []);
    return { id, promise };
  }

  /** Shorthand for requests without progress. */
  call(op, args, transfer) {
    return this.request(op, args, { transfer }).promise;
  }

  /**
   * Cancels a batch: politely first, then (if one long article keeps the worker busy)
   * by restarting the worker after `graceMs`.
   */
  cancel(id, graceMs = 300) {
    const job = this.#pending.get(id);
    if (!job) return;
    this.#worker.postMessage({ id: 0, op: 'cancel', target: id });
    job.killTimer = setTimeout(() => this.restart(), graceMs);
  }

  /** The user dictionary replayed into every new worker. */
  setDictionary(text) {
    this.#dictionary = text;
  }

  /** Stops the worker (failing its requests with Cancelled) and starts a fresh one. */
  restart() {
    this.#worker.terminate();
    const pending = [...this.#pending.values()];
    this.#pending.clear();
    for (const job of pending) {
      clearTimeout(job.killTimer);
      job.reject(new Cancelled());
    }
    this.#start();
    return this.ready;
  }
}
