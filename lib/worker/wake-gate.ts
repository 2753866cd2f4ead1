// Spares a task's database round trips when it can know it has nothing to do.
//
// The worker loop runs every task each round, and under engine load a round
// comes every few milliseconds. A task whose work is rare (webhooks) would pay
// a claim query and a next-due query per round for nothing. The gate lets it
// skip both unless one of these is true:
// - it was woken for itself (NOTIFY `cue_wake` with its name, which the
//   database triggers send when they queue its work) or the LISTEN connection
//   resynced (notifications may have been missed);
// - the earliest due time it last read has come;
// - `recheckMs` has passed since it last looked (work scheduled by a worker
//   that died, or a notification lost with no resync).
// The gate is per process, a pace only: correctness still comes from the
// claim's SKIP LOCKED, never from what one process remembers.

export interface WakeGate {
  /** A `cue_wake` payload (null: the LISTEN connection resynced). */
  notified(payload: string | null): void;
  /** Work of this task may exist (a claim it made, a delivery it finished). */
  poke(): void;
  /** Whether the task should look at the database at `now`. */
  shouldRun(now: Date): boolean;
  /** Records a look at `now`; `more` when the claim was full (look again at once). */
  ran(now: Date, more: boolean): void;
  /** The earliest due time, if the gate knows it without asking (undefined: ask). */
  knownDueAt(): Date | null | undefined;
  /** Records the earliest due time read from the database. */
  setDueAt(due: Date | null): void;
}

export function createWakeGate(task: string, recheckMs = 1_000): WakeGate {
  let dirty = true; // a new process looks once
  let lastRunAt = Number.NEGATIVE_INFINITY;
  let dueAt: Date | null | undefined; // undefined: not read since the last change
  return {
    notified(payload) {
      if (payload === null || payload === task) {
        dirty = true;
        dueAt = undefined;
      }
    },
    poke() {
      dirty = true;
      dueAt = undefined;
    },
    shouldRun(now) {
      if (dirty) return true;
      if (now.getTime() - lastRunAt >= recheckMs) return true;
      return dueAt != null && dueAt.getTime() <= now.getTime();
    },
    ran(now, more) {
      lastRunAt = now.getTime();
      dirty = more;
      dueAt = undefined;
    },
    knownDueAt: () => dueAt,
    setDueAt(due) {
      dueAt = due;
    },
  };
}
