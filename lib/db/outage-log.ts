// What the log says while the database is unavailable: one line when it goes
// (what happened and what Cue does about it), at most one line a minute while
// it stays down (how long, the latest reason, how many operations failed),
// and one line when it is back. Everything in between is counted, not
// printed: under ingestion load an outage is thousands of failed requests a
// second, and the operator needs three lines, not a stack trace for each.
// Pure (clock and sink injected) so the throttle is unit-tested.

export interface OutageLogOptions {
  log(level: "error" | "warn" | "info", line: string): void;
  now?(): number;
  /** Least time between two "still unavailable" lines (default 60 s). */
  repeatMs?: number;
}

export interface OutageState {
  available: boolean;
  /** When it became unavailable (ms since the epoch), while it is. */
  since?: number;
  /** The latest reason it is unavailable, while it is. */
  reason?: string;
}

export class OutageLog {
  private down: { since: number; lastLineAt: number; reason: string; failures: number } | null =
    null;
  private readonly now: () => number;
  private readonly repeatMs: number;

  constructor(private readonly options: OutageLogOptions) {
    this.now = options.now ?? Date.now;
    this.repeatMs = options.repeatMs ?? 60_000;
  }

  state(): OutageState {
    if (!this.down) return { available: true };
    return { available: false, since: this.down.since, reason: this.down.reason };
  }

  /**
   * An operation failed because the database is unavailable. `action` says
   * what Cue is doing about it; it is printed with the first line only.
   * Returns true when this call started the outage.
   */
  failed(reason: string, action: string): boolean {
    const now = this.now();
    if (!this.down) {
      this.down = { since: now, lastLineAt: now, reason, failures: 1 };
      this.options.log("error", `The database is unavailable: ${reason}. ${action}`);
      return true;
    }
    this.down.reason = reason;
    this.down.failures += 1;
    if (now - this.down.lastLineAt >= this.repeatMs) {
      this.down.lastLineAt = now;
      this.options.log(
        "error",
        `The database is still unavailable after ${seconds(now - this.down.since)}: ${reason} (${this.down.failures} failed operations so far).`,
      );
    }
    return false;
  }

  /** The database answers again. Returns true when this ended an outage. */
  recovered(): boolean {
    if (!this.down) return false;
    const { since, failures } = this.down;
    this.down = null;
    this.options.log(
      "info",
      `The database is available again after ${seconds(this.now() - since)} (${failures} failed operations meanwhile).`,
    );
    return true;
  }
}

function seconds(ms: number): string {
  return ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`;
}
