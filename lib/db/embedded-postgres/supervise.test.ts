import type { ChildProcess } from "node:child_process";
import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { supervise } from "./supervise";

let nextPid = 100;
function fakeChild(): ChildProcess {
  return Object.assign(new EventEmitter(), { pid: nextPid++ }) as unknown as ChildProcess;
}

describe("supervise", () => {
  it("restarts a postmaster that died, and the restarted one too", async () => {
    const lines: string[] = [];
    const first = fakeChild();
    const started: ChildProcess[] = [];
    let failures = 1;
    const restarted = () =>
      new Promise<void>((resolve) => {
        const check = setInterval(() => {
          if (lines.some((l) => l.includes("running again") && l.includes(`pid ${nextPid - 1}`))) {
            clearInterval(check);
            resolve();
          }
        }, 1);
      });
    const supervisor = supervise({
      child: first,
      port: 5433,
      log: (line) => lines.push(line),
      settings: { firstDelayMs: 1, maxDelayMs: 4 },
      restart: async () => {
        if (failures-- > 0)
          throw new Error("FATAL: pre-existing shared memory block is still in use");
        const child = fakeChild();
        started.push(child);
        return child;
      },
    });
    first.emit("exit", null, "SIGKILL");
    await restarted();
    expect(lines).toEqual([
      expect.stringMatching(
        /pid 100\) stopped unexpectedly \(killed by SIGKILL\)\. Restarting it on port 5433, up to 10 attempts/,
      ),
      "Embedded PostgreSQL restart attempt 1 of 10 failed: FATAL: pre-existing shared memory block is still in use. Next attempt in 0.0 s.",
      expect.stringMatching(/running again \(pid 101, port 5433\) after .* s, attempt 2 of 10\./),
    ]);
    started[0].emit("exit", 1, null);
    await restarted();
    expect(lines[3]).toMatch(/pid 101\) stopped unexpectedly \(exit code 1\)/);
    await supervisor.stop();
    started[1].emit("exit", 0, null); // asked to stop: not restarted
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(lines).toHaveLength(5);
  });

  it("gives up after the last attempt, once, and says why", async () => {
    const lines: string[] = [];
    const gaveUp: Error[] = [];
    const child = fakeChild();
    supervise({
      child,
      port: 5433,
      log: (line) => lines.push(line),
      settings: { attempts: 3, firstDelayMs: 1, maxDelayMs: 2, onGiveUp: (e) => gaveUp.push(e) },
      restart: async () => {
        throw new Error("FATAL: could not write lock file: No space left on device");
      },
    });
    child.emit("exit", null, "SIGKILL");
    await new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (gaveUp.length === 0) return;
        clearInterval(check);
        resolve();
      }, 1);
    });
    expect(gaveUp).toHaveLength(1);
    expect(gaveUp[0].message).toMatch(
      /could not be restarted after 3 attempts .*\(last: FATAL: could not write lock file: No space left on device\)/,
    );
    // What happened, two failed attempts, giving up: four lines.
    expect(lines).toHaveLength(4);
  });
});
