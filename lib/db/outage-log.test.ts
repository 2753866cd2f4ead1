import { describe, expect, it } from "vitest";
import { OutageLog } from "./outage-log";

function setup() {
  let now = 1_000_000;
  const lines: string[] = [];
  const log = new OutageLog({ log: (_level, line) => lines.push(line), now: () => now });
  return { log, lines, advance: (ms: number) => (now += ms) };
}

describe("OutageLog", () => {
  it("says once what happened and what Cue does, then at most one line a minute", () => {
    const { log, lines, advance } = setup();
    expect(log.failed("connection refused", "Restarting it.")).toBe(true);
    expect(lines).toEqual(["The database is unavailable: connection refused. Restarting it."]);
    // 10,000 failed requests over 59 s: nothing more.
    for (let i = 0; i < 10_000; i++) {
      advance(5.9);
      expect(log.failed("connection refused", "Restarting it.")).toBe(false);
    }
    expect(lines).toHaveLength(1);
    advance(1_000);
    log.failed("the server is starting up", "Restarting it.");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe(
      "The database is still unavailable after 60 s: the server is starting up (10002 failed operations so far).",
    );
    advance(30_000);
    log.failed("connection refused", "Restarting it.");
    expect(lines).toHaveLength(2);
  });

  it("says when it is back, how long it took, and how much failed meanwhile", () => {
    const { log, lines, advance } = setup();
    expect(log.recovered()).toBe(false);
    log.failed("connection reset", "Waiting.");
    log.failed("connection refused", "Waiting.");
    expect(log.state()).toEqual({
      available: false,
      since: 1_000_000,
      reason: "connection refused",
    });
    advance(4_200);
    expect(log.recovered()).toBe(true);
    expect(log.recovered()).toBe(false);
    expect(lines.at(-1)).toBe(
      "The database is available again after 4.2 s (2 failed operations meanwhile).",
    );
    expect(log.state()).toEqual({ available: true });
    // A second outage is a new state change: said again at once.
    log.failed("connection refused", "Waiting.");
    expect(lines).toHaveLength(3);
  });
});
