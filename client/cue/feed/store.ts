// A value that changes only through update(), and tells its subscribers
// (synchronously, in order) each time it does.

export interface ReadableStore<S> {
  get(): S;
  /** Returns the unsubscribe function. */
  subscribe(listener: (state: S, previous: S) => void): () => void;
}

export interface Store<S> extends ReadableStore<S> {
  update(patch: Partial<S>): void;
}

export function createStore<S extends object>(initial: S): Store<S> {
  let state = initial;
  let listeners: Array<(state: S, previous: S) => void> = [];
  return {
    get: () => state,
    update(patch) {
      const previous = state;
      state = Object.assign({}, state, patch);
      for (const listener of listeners) listener(state, previous);
    },
    subscribe(listener) {
      listeners = listeners.concat(listener);
      return () => {
        listeners = listeners.filter((l) => l !== listener);
      };
    },
  };
}
