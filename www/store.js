// Persistence in IndexedDB: the loaded inputs (raw text + name), settings and the user
// dictionary survive reloads. Every failure rejects with a StorageError the page shows;
// nothing is swallowed here.

const DB_NAME = 'wenxi';
const DB_VERSION = 1;

/** A storage failure with a short machine-readable kind: 'quota', 'unavailable' or 'failed'. */
export class StorageError extends Error {
  constructor(kind, cause) {
    super(cause?.message || String(cause ?? kind));
    this.name = 'StorageError';
    this.kind = kind;
    this.cause = cause;
  }
}

function wrap(error) {
  if (error instanceof StorageError) return error;
  const quota = error?.name === 'QuotaExceededError' || /quota/i.test(error?.message ?? '');
  return new StorageError(quota ? 'quota' : 'failed', error);
}

const promised = (request) =>
  new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(wrap(request.error));
  });

/**
 * The store. `Store.open()` never rejects: when IndexedDB cannot be opened it returns a store
 * whose `error` says why and whose writes reject, so the page can warn and keep working.
 */
export class Store {
  #db;
  error = null;

  constructor(db, error = null) {
    this.#db = db;
    this.error = error;
  }

  static async open() {
    try {
      if (!globalThis.indexedDB) throw new StorageError('unavailable', new Error('IndexedDB is not available'));
      const request = indexedDB.open(DB_NAME, DB_VERSION);
      request.onupgradeneeded = () => {
        const db = request.result;
        if (!db.objectStoreNames.contains('sources')) db.createObjectStore('sources', { keyPath: 'id' });
        if (!db.objectStoreNames.contains('kv')) db.createObjectStore('kv');
      };
      const db = await promised(request);
      return new Store(db);
    } catch (e) {
      return new Store(null, e instanceof StorageError ? e : new StorageError('unavailable', e));
    }
  }

  // Resolves when the transaction commits (not merely when the request succeeds), so "saved"
  // means on disk as far as the browser is concerned.
  #tx(storeName, mode, work) {
    if (!this.#db) return Promise.reject(this.error);
    return new Promise((resolve, reject) => {
      let tx;
      try {
        // Relaxed durability: committed once the browser has the data (it survives a crash of
        // the tab or the analyzer), without waiting for the disk to flush — a flush can take
        // 100 ms on a busy machine, and it would delay every analysis.
        tx = this.#db.transaction(storeName, mode, { durability: 'relaxed' });
      } catch (e) {
        reject(wrap(e));
        return;
      }
      let result;
      tx.oncomplete = () => resolve(result);
      tx.onerror = () => reject(wrap(tx.error));
      tx.onabort = () => reject(wrap(tx.error ?? new Error('transaction aborted')));
      try {
        const request = work(tx.objectStore(storeName));
        if (request) request.onsuccess = () => (result = request.result);
      } catch (e) {
        // put() throws synchronously for values it cannot store (e.g. over the quota).
        reject(wrap(e));
        try {
          tx.abort();
        } catch {
          // Already finished: the rejection above is what matters.
        }
      }
    });
  }

  /** All saved inputs, oldest first. */
  async sources() {
    const all = await this.#tx('sources', 'readonly', (s) => s.getAll());
    return (all ?? []).sort((a, b) => a.added - b.added || (a.id < b.id ? -1 : 1));
  }

  /** Saves (inserts or replaces) inputs `{id, name, kind, text, added, removed}` in one
   * transaction: all or none. */
  putSources(sources) {
    return this.#tx('sources', 'readwrite', (s) => {
      for (const source of sources) s.put(source);
    });
  }

  deleteSource(id) {
    return this.#tx('sources', 'readwrite', (s) => s.delete(id));
  }

  clearSources() {
    return this.#tx('sources', 'readwrite', (s) => s.clear());
  }

  get(key) {
    return this.#tx('kv', 'readonly', (s) => s.get(key));
  }

  set(key, value) {
    return this.#tx('kv', 'readwrite', (s) => s.put(value, key));
  }
}
