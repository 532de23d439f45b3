// The page's side of worker.js: promise-based requests, batch progress, cancellation and
// restarts that replay the user dictionary. See the protocol at the top of worker.js.
//
// A crash — an uncaught error in the worker, or a `fatal` reply after the WASM instance
// trapped — fails every pending request with `Crashed`, starts a fresh worker (replaying the
// user dictionary) and calls `onCrash(error)`. After MAX_CRASHES crashes in a row with no
// successful request between them, the client stops restarting and fails every request.

const WORKER_URL = new URL('./worker.js', import.meta.url);

/** Crashes in a row (no request succeeding between them) before the client gives up. */
const MAX_CRASHES = 3;

/** Rejection of the requests pending when the worker crashed; `message` says how. */
export class Crashed extends Error {
  constructor(message) {
    super(message);
    this.name = 'Crashed';
  }
}

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
  #crashes = 0;
  #broken = null;
  /** Resolves with the worker's start-up time in ms once the analyzer is loaded. */
  ready = null;
  /** Called with a `Crashed` error after the worker crashed (and was restarted, unless
   *  `error.final`). */
  onCrash = null;

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
    let started = false;
    this.ready = new Promise((resolve, reject) => {
      const fail = (message) => {
        const error = new Error(message || 'worker failed to start');
        reject(error);
        if (worker !== this.#worker) return;
        // Requests sent while it was starting would otherwise wait forever.
        for (const job of this.#pending.values()) job.reject(error);
        this.#pending.clear();
      };
      const handle = ({ data }) => {
        if ('ready' in data) {
          started = data.ready;
          if (data.ready) resolve(data.ms);
          else fail(data.error);
          return;
        }
        this.#receive(data, worker);
      };
      worker.onerror = (e) => {
        // Handled here: not also reported as an uncaught error of the page.
        e.preventDefault?.();
        if (started) this.#crashed(worker, e.message || 'the analyzer stopped');
        else fail(e.message);
      };
      worker.onmessage = handle;
      for (const e of boot?.early.splice(0) ?? []) {
        if (!e.error) handle(e);
        // After this constructor has set `ready`, so the restart's `ready` replaces it.
        else if (started) queueMicrotask(() => this.#crashed(worker, e.error));
        else fail(e.error);
      }
    });
    // Rejections surface through requests; keep this one from being reported as unhandled.
    this.ready.catch(() => {});
    if (this.#dictionary.trim()) this.request('loadDictionary', { text: this.#dictionary }).promise.catch(() => {});
  }

  #receive(data, worker) {
    if (data.fatal) return this.#crashed(worker, data.error);
    const job = this.#pending.get(data.id);
    if (!job) return;
    if (data.progress) return job.onProgress?.(data.progress);
    if (data.item) return job.onItem?.(data.item);
    this.#pending.delete(data.id);
    clearTimeout(job.killTimer);
    if (data.ok) {
      this.#crashes = 0;
      job.resolve(data.value);
    } else {
      job.reject(data.cancelled ? new Cancelled() : new Error(data.error));
    }
  }

  /** The worker died: fail what it was doing, start another (unless it keeps dying), tell. */
  #crashed(worker, message) {
    if (worker !== this.#worker) return; // already replaced
    worker.terminate();
    const error = new Crashed(message);
    this.#crashes += 1;
    const pending = [...this.#pending.values()];
    this.#pending.clear();
    for (const job of pending) {
      clearTimeout(job.killTimer);
      job.reject(error);
    }
    if (this.#crashes >= MAX_CRASHES) {
      error.final = true;
      this.#broken = error;
      this.ready = Promise.reject(error);
      this.ready.catch(() => {});
    } else {
      this.#start();
    }
    this.onCrash?.(error);
  }

  /**
   * Sends one request. Returns `{ id, promise }`.
   * @param {string} op
   * @param {object} args
   * @param {{onProgress?: Function, onItem?: Function, transfer?: Transferable[]}} [hooks]
   */
  request(op, args = {}, hooks = {}) {
    const id = this.#nextId++;
    if (this.#broken) return { id, promise: Promise.reject(this.#broken) };
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
    this.#broken = null;
    this.#crashes = 0;
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
