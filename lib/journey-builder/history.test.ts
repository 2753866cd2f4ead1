import { describe, expect, it } from "vitest";
import { canRedo, canUndo, type History, historyReducer, initHistory } from "./history";

type A = Parameters<typeof historyReducer<number>>[1];
const run = (actions: A[], limit?: number): History<number> =>
  actions.reduce((h, a) => historyReducer(h, a, limit), initHistory(0));

describe("historyReducer", () => {
  it("undoes and redoes commits", () => {
    const h = run([{ type: "commit", state: 1 }, { type: "commit", state: 2 }, { type: "undo" }]);
    expect(h.present).toBe(1);
    expect(canRedo(h)).toBe(true);
    expect(run([{ type: "commit", state: 1 }, { type: "undo" }, { type: "redo" }]).present).toBe(1);
  });

  it("undoes a transient change (a drag) back to the state before it started", () => {
    const h = run([
      { type: "commit", state: 1 },
      { type: "transient", state: 2 },
      { type: "transient", state: 3 },
      { type: "commit", state: 4 },
      { type: "undo" },
    ]);
    expect(h.present).toBe(1);
  });

  it("merges commits with the same coalesce key into one step", () => {
    const h = run([
      { type: "commit", state: 1 },
      { type: "commit", state: 2, coalesce: "node:a:label" },
      { type: "commit", state: 3, coalesce: "node:a:label" },
      { type: "commit", state: 4, coalesce: "node:b:label" },
      { type: "undo" },
    ]);
    expect(h.present).toBe(3);
    expect(historyReducer(h, { type: "undo" }).present).toBe(1);
  });

  it("drops the redo stack on a new commit", () => {
    const h = run([{ type: "commit", state: 1 }, { type: "undo" }, { type: "commit", state: 5 }]);
    expect(canRedo(h)).toBe(false);
    expect(historyReducer(h, { type: "redo" })).toBe(h);
  });

  it("is capped", () => {
    const actions: A[] = Array.from({ length: 10 }, (_, i) => ({ type: "commit", state: i + 1 }));
    const h = run(actions, 3);
    expect(h.past).toEqual([7, 8, 9]);
    expect(canUndo(h)).toBe(true);
  });

  it("ignores undo with nothing to undo, and reset clears everything", () => {
    const h0 = initHistory(0);
    expect(historyReducer(h0, { type: "undo" })).toBe(h0);
    const h = run([
      { type: "commit", state: 1 },
      { type: "reset", state: 9 },
    ]);
    expect(h).toEqual(initHistory(9));
  });
});
