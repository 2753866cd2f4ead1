// Adds up profile replays into a backtest's results, one profile at a time,
// so memory does not grow with the window. Pure.

import type { RunStatus, TraceDecision } from "@/lib/journey-core/run-state";
import type { ProfileReplay, ReplayedRun } from "./replay-profile";

export interface NodeCounts {
  /** Arrivals at the node (a loop counts each pass). */
  reached: number;
  /** Trace decisions at the node, by decision. */
  decisions: Partial<Record<TraceDecision, number>>;
  /** Sends skipped or deferred, by delivery rule (frequency_total, quiet_hours, …). */
  rules: Record<string, number>;
  filtered: number;
  /** Held by the frequency budget or the journey's message limit (skipped or deferred). */
  capped: number;
  deferred: number;
}

export interface MessageCounts {
  channel: "email" | "in_app";
  /** Sends that would have happened. */
  wouldSend: number;
  profiles: number;
}

export interface BacktestCounts {
  profilesScanned: number;
  eventsReplayed: number;
  /** Runs that would have started, and the profiles they belong to. */
  entered: number;
  profilesEntered: number;
  holdout: number;
  /** Where runs stood when the window closed (waiting/active = still in the journey). */
  outcomes: Partial<Record<RunStatus, number>>;
  convertedInWindow: number;
  /** Not converted in the window, but the stored events show the goal later (in its window). */
  convertedAfterWindow: number;
  nodes: Record<string, NodeCounts>;
  messages: Record<string, MessageCounts>;
  /** Why matching signals did not enter, most common first. */
  refusals: { reason: string; count: number }[];
  /** Plain-language notes: why nothing entered, what the replay does not model. */
  notes: string[];
}

export interface SamplePath {
  profileId: string;
  userId: string | null;
  holdout: boolean;
  status: RunStatus;
  enteredAt: string;
  convertedAt: string | null;
  convertedAfterWindow: boolean;
  steps: { at: string; nodeId: string; decision: TraceDecision; reason: string }[];
}

const CAP_RULES = new Set(["frequency_total", "frequency_channel"]);
const SAMPLES_PER_STATUS = 5;
const MAX_SAMPLES = 30;
const MAX_STEPS = 40;

export class BacktestTally {
  private readonly counts: BacktestCounts = {
    profilesScanned: 0,
    eventsReplayed: 0,
    entered: 0,
    profilesEntered: 0,
    holdout: 0,
    outcomes: {},
    convertedInWindow: 0,
    convertedAfterWindow: 0,
    nodes: {},
    messages: {},
    refusals: [],
    notes: [],
  };
  private readonly refusals = new Map<string, number>();
  private readonly samples: SamplePath[] = [];

  add(replay: ProfileReplay, userId: string | null): void {
    const c = this.counts;
    c.profilesScanned += 1;
    c.eventsReplayed += replay.replayed;
    for (const reason of replay.refusals) {
      this.refusals.set(reason, (this.refusals.get(reason) ?? 0) + 1);
    }
    if (replay.runs.length === 0) return;
    c.profilesEntered += 1;
    const messaged = new Set<string>();
    for (const run of replay.runs) {
      this.addRun(run, messaged);
      this.maybeSample(run, userId);
    }
  }

  private node(nodeId: string): NodeCounts {
    this.counts.nodes[nodeId] ??= {
      reached: 0,
      decisions: {},
      rules: {},
      filtered: 0,
      capped: 0,
      deferred: 0,
    };
    return this.counts.nodes[nodeId];
  }

  private addRun(run: ReplayedRun, messaged: Set<string>): void {
    const c = this.counts;
    const { state } = run;
    c.entered += 1;
    if (state.holdout) c.holdout += 1;
    c.outcomes[state.status] = (c.outcomes[state.status] ?? 0) + 1;
    if (state.convertedAt) c.convertedInWindow += 1;
    else if (run.convertedAfterWindow) c.convertedAfterWindow += 1;
    for (const [nodeId, visits] of Object.entries(state.visits))
      this.node(nodeId).reached += visits;
    for (const trace of run.traces) {
      const node = this.node(trace.nodeId);
      node.decisions[trace.decision] = (node.decisions[trace.decision] ?? 0) + 1;
      const rule = typeof trace.data?.rule === "string" ? trace.data.rule : null;
      if (rule) node.rules[rule] = (node.rules[rule] ?? 0) + 1;
      if (trace.decision === "filtered") node.filtered += 1;
      if (trace.decision === "deferred") node.deferred += 1;
      if (trace.decision === "limit_reached" || (rule && CAP_RULES.has(rule))) node.capped += 1;
    }
    for (const send of run.sends) {
      c.messages[send.nodeId] ??= { channel: send.channel, wouldSend: 0, profiles: 0 };
      const message = c.messages[send.nodeId];
      message.wouldSend += 1;
      if (!messaged.has(send.nodeId)) {
        messaged.add(send.nodeId);
        message.profiles += 1;
      }
    }
  }

  /** Up to 5 runs per final status, 30 in all: a spread of paths, not just the first ones. */
  private maybeSample(run: ReplayedRun, userId: string | null): void {
    if (this.samples.length >= MAX_SAMPLES) return;
    const { state } = run;
    const same = this.samples.filter((s) => s.status === state.status).length;
    if (same >= SAMPLES_PER_STATUS) return;
    this.samples.push({
      profileId: state.profileId,
      userId,
      holdout: state.holdout,
      status: state.status,
      enteredAt: state.enteredAt.toISOString(),
      convertedAt: state.convertedAt?.toISOString() ?? null,
      convertedAfterWindow: run.convertedAfterWindow,
      steps: run.traces.slice(0, MAX_STEPS).map((t) => ({
        at: t.at.toISOString(),
        nodeId: t.nodeId,
        decision: t.decision,
        reason: t.reason,
      })),
    });
  }

  finish(context: { windowEvents: number; triggerEvent: string | null }): {
    counts: BacktestCounts;
    samplePaths: SamplePath[];
  } {
    const counts: BacktestCounts = {
      ...this.counts,
      refusals: [...this.refusals.entries()]
        .map(([reason, count]) => ({ reason, count }))
        .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason))
        .slice(0, 10),
      notes: explain(this.counts, context, this.refusals.size > 0),
    };
    return { counts, samplePaths: this.samples };
  }
}

/** Why a backtest found little or nothing, and what a replay leaves out. */
export function explain(
  counts: Pick<BacktestCounts, "entered" | "profilesScanned" | "eventsReplayed">,
  context: { windowEvents: number; triggerEvent: string | null },
  refused: boolean,
): string[] {
  const notes: string[] = [];
  if (context.windowEvents === 0) {
    notes.push(
      "No events were stored in this window, so there was nothing to replay. Pick a window with traffic (Events shows when events arrived).",
    );
  } else if (counts.entered === 0) {
    if (context.triggerEvent && counts.eventsReplayed === 0) {
      notes.push(
        `The window has ${context.windowEvents} stored events, but none named "${context.triggerEvent}" (the trigger) or any other event this journey reacts to.`,
      );
    } else if (refused) {
      notes.push(
        "Matching events were replayed, but no profile was let in: see the entry refusals (trigger conditions, re-entry).",
      );
    } else {
      notes.push(
        "Events were replayed, but none matched the trigger. Check the trigger's event name and conditions.",
      );
    }
  }
  notes.push(
    "Nothing was sent or written. The frequency budget counts only this backtest's own sends; traits come from identify calls before the window; unsubscribes and suppressions are as stored now.",
  );
  return notes;
}
