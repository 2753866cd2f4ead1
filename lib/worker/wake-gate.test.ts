import { describe, expect, it } from "vitest";
import { createWakeGate } from "./wake-gate";

const at = (ms: number) => new Date(Date.UTC(2026, 11, 7) + ms);

describe("createWakeGate", () => {
  it("looks once on start, then only when woken for its task, due, or rechecking", () => {
    const gate = createWakeGate("webhooks", 1_000);
    expect(gate.shouldRun(at(0))).toBe(true);
    gate.ran(at(0), false);
    expect(gate.shouldRun(at(10))).toBe(false);
    gate.notified("engine-events");
    expect(gate.shouldRun(at(20))).toBe(false);
    gate.notified("webhooks");
    expect(gate.shouldRun(at(30))).toBe(true);
    gate.ran(at(30), false);
    expect(gate.shouldRun(at(40))).toBe(false);
    expect(gate.shouldRun(at(1_030))).toBe(true);
  });

  it("a resync (missed notifications) or a poke makes it look", () => {
    const gate = createWakeGate("webhooks", 60_000);
    gate.ran(at(0), false);
    gate.notified(null);
    expect(gate.shouldRun(at(1))).toBe(true);
    gate.ran(at(1), false);
    expect(gate.shouldRun(at(2))).toBe(false);
    gate.poke();
    expect(gate.shouldRun(at(3))).toBe(true);
  });

  it("a full claim looks again at once", () => {
    const gate = createWakeGate("webhooks", 60_000);
    gate.ran(at(0), true);
    expect(gate.shouldRun(at(1))).toBe(true);
  });

  it("remembers the due time it read until something changes, and looks when it comes", () => {
    const gate = createWakeGate("webhooks", 60_000);
    gate.ran(at(0), false);
    expect(gate.knownDueAt()).toBeUndefined();
    gate.setDueAt(at(5_000));
    expect(gate.knownDueAt()).toEqual(at(5_000));
    expect(gate.shouldRun(at(4_999))).toBe(false);
    expect(gate.shouldRun(at(5_000))).toBe(true);
    gate.notified("webhooks");
    expect(gate.knownDueAt()).toBeUndefined();
    gate.setDueAt(null);
    gate.ran(at(5_001), false);
    expect(gate.knownDueAt()).toBeUndefined();
  });
});
