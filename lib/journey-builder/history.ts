// Undo/redo as a pure reducer over snapshots. Two kinds of change:
// - `commit`: an edit worth undoing (drop a node, connect, type in a field).
//   The last committed snapshot goes onto `past`. Commits with the same
//   `coalesce` key in a row (typing in one field) make a single undo step.
// - `transient`: what happens between commits (a drag in progress, selection,
//   measured sizes). It replaces `present` without an undo step; the next
//   commit records the state before it, so undoing a drag puts the node back.

import { assertNever } from "@/lib/journey-core/assert-never";

export const HISTORY_LIMIT = 100;

export interface History<T> {
  past: T[];
  present: T;
  /** The state `past`'s next entry will be: the last commit (or undo/redo/reset). */
  committed: T;
  future: T[];
  /** The coalesce key of the last commit, if it is still the latest change. */
  lastKey: string | null;
}

export type HistoryAction<T> =
  | { type: "commit"; state: T; coalesce?: string }
  | { type: "transient"; state: T }
  | { type: "undo" }
  | { type: "redo" }
  | { type: "reset"; state: T };

export function initHistory<T>(state: T): History<T> {
  return { past: [], present: state, committed: state, future: [], lastKey: null };
}

export function historyReducer<T>(
  history: History<T>,
  action: HistoryAction<T>,
  limit = HISTORY_LIMIT,
): History<T> {
  switch (action.type) {
    case "transient":
      return { ...history, present: action.state };
    case "commit": {
      const merge = action.coalesce !== undefined && action.coalesce === history.lastKey;
      const past = merge ? history.past : [...history.past, history.committed].slice(-limit);
      return {
        past,
        present: action.state,
        committed: action.state,
        future: [],
        lastKey: action.coalesce ?? null,
      };
    }
    case "undo": {
      const previous = history.past.at(-1);
      if (previous === undefined) return history;
      return {
        past: history.past.slice(0, -1),
        present: previous,
        committed: previous,
        future: [history.present, ...history.future],
        lastKey: null,
      };
    }
    case "redo": {
      const [next, ...rest] = history.future;
      if (next === undefined) return history;
      return {
        past: [...history.past, history.present].slice(-limit),
        present: next,
        committed: next,
        future: rest,
        lastKey: null,
      };
    }
    case "reset":
      return initHistory(action.state);
    default:
      return assertNever(action);
  }
}

export const canUndo = (history: History<unknown>) => history.past.length > 0;
export const canRedo = (history: History<unknown>) => history.future.length > 0;
