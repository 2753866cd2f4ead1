// Moves a run through instantaneous nodes (filter, branch, split, send, exit)
// until it blocks (delay, wait, deferred send) or ends. Works on a private
// copy of the state (`Working`), so `step` stays pure from the outside.

import { assertNever } from "./assert-never";
import { assignVariant } from "./assign-bucket";
import type { JourneyDefinition, JourneyNode, NodeOfType } from "./definition";
import { describeDuration, durationToMs } from "./definition";
import { checkDeliveryRules } from "./delivery-rules";
import { evaluateCondition } from "./evaluate-condition";
import type { Channel, SentMessage } from "./facts";
import { indexJourney } from "./journey-graph";
import { nextLocalTime, resolveTimeZone } from "./local-time";
import { normalizeEmail } from "./profile-merge";
import type { Effect, RunState, StepContext, TerminalStatus, TraceDecision } from "./run-state";
import { applyTraitOperations } from "./update-profile-step";
import { HOLDOUT_HEADER, maskedHeaders, webhookRequestSpec } from "./webhook-step";

/** Far more hops than any sane journey takes between two waits; stops a runaway. */
export const MAX_HOPS_PER_STEP = 200;

export interface Working {
  definition: JourneyDefinition;
  ctx: StepContext;
  state: RunState;
  effects: Effect[];
  /** ctx.sentInWindow plus what this step sent, so back-to-back sends share the budget. */
  sent: SentMessage[];
}

export function startWorking(
  definition: JourneyDefinition,
  state: RunState,
  ctx: StepContext,
): Working {
  const copy = { ...state, visits: { ...state.visits } };
  return { definition, ctx, state: copy, effects: [], sent: [...ctx.sentInWindow] };
}

export function trace(
  w: Working,
  nodeId: string,
  decision: TraceDecision,
  reason: string,
  data?: Record<string, unknown>,
): void {
  w.effects.push({ type: "trace", nodeId, at: w.ctx.now, decision, reason, ...(data && { data }) });
}

export function finish(w: Working, status: TerminalStatus): void {
  Object.assign(w.state, { status, wakeAt: null, waitingFor: null, endedAt: w.ctx.now });
  w.effects.push({ type: "complete", status });
}

function block(w: Working, wakeAt: Date): void {
  Object.assign(w.state, { status: "waiting", wakeAt });
  w.effects.push({ type: "schedule", wakeAt });
}

type Outcome = { kind: "continue"; exit: string } | { kind: "stop" };
const STOP: Outcome = { kind: "stop" };
const next = (exit = "next"): Outcome => ({ kind: "continue", exit });

function conditionContext(w: Working) {
  const { profile, now, counts } = w.ctx;
  return { event: w.state.triggerEvent, profile, now, counts };
}

function enterDelay(w: Working, node: NodeOfType<"delay">): Outcome {
  const { delay } = node;
  let wakeAt: Date;
  let reason: string;
  if (delay.kind === "duration") {
    wakeAt = new Date(w.ctx.now.getTime() + durationToMs(delay.duration));
    reason = `Delay of ${describeDuration(delay.duration)}`;
  } else {
    const zone = resolveTimeZone(w.ctx.profile.timezone);
    wakeAt = nextLocalTime(w.ctx.now, delay.time, zone, delay.weekdays);
    const days = delay.weekdays ? ` on ${delay.weekdays.join(", ")}` : "";
    reason = `Delay until the next ${delay.time}${days} in ${zone}`;
  }
  trace(w, node.id, "waiting", `${reason}, until ${wakeAt.toISOString()}`, {
    until: wakeAt.toISOString(),
    // A time of day is the profile's: pages show `until` in this zone.
    ...(delay.kind !== "duration" && { timeZone: resolveTimeZone(w.ctx.profile.timezone) }),
  });
  block(w, wakeAt);
  return STOP;
}

function enterWait(w: Working, node: NodeOfType<"wait">): Outcome {
  const wakeAt = new Date(w.ctx.now.getTime() + durationToMs(node.timeout));
  w.state.waitingFor = {
    nodeId: node.id,
    event: node.event,
    where: node.where ?? [],
    since: w.ctx.now,
  };
  const reason = `Waiting up to ${describeDuration(node.timeout)} for "${node.event}"`;
  trace(w, node.id, "waiting", reason, { event: node.event, until: wakeAt.toISOString() });
  block(w, wakeAt);
  return STOP;
}

/** Decides and records one send; also used to retry a deferred send on wake. */
export function attemptSend(w: Working, node: NodeOfType<"send_email" | "send_inapp">): Outcome {
  const channel: Channel = node.type === "send_email" ? "email" : "in_app";
  const { state, ctx } = w;
  if (state.holdout) {
    trace(w, node.id, "holdout", `Holdout: ${channel} message not sent`, { channel });
    return next();
  }
  const limit = w.definition.settings.messageLimit;
  if (limit !== undefined && state.messagesSent >= limit) {
    const reason = `Journey message limit reached (${state.messagesSent} of ${limit})`;
    trace(w, node.id, "limit_reached", reason, { channel, limit });
    return next();
  }
  const transactional = node.type === "send_email" && node.content.transactional === true;
  const decision = checkDeliveryRules(ctx.deliveryRules, {
    channel,
    transactional,
    topic: node.content.topic,
    profile: ctx.profile,
    sentInWindow: w.sent,
    now: ctx.now,
  });
  switch (decision.outcome) {
    case "send": {
      const idempotencyKey = `${state.runId}:${node.id}:${state.visits[node.id] ?? 1}`;
      w.effects.push(
        node.type === "send_email"
          ? {
              type: "send",
              channel: "email",
              nodeId: node.id,
              at: ctx.now,
              idempotencyKey,
              content: node.content,
            }
          : {
              type: "send",
              channel: "in_app",
              nodeId: node.id,
              at: ctx.now,
              idempotencyKey,
              content: node.content,
            },
      );
      state.messagesSent += 1;
      w.sent.push({ at: ctx.now, channel, transactional });
      trace(w, node.id, "sent", `Sent ${channel === "in_app" ? "an in-app" : "an email"} message`, {
        channel,
        idempotencyKey,
      });
      return next();
    }
    case "skip":
      trace(w, node.id, "skipped", decision.reason, {
        channel,
        rule: decision.rule,
        ...(decision.rule === "topic_opted_out" && { topic: node.content.topic }),
      });
      return next();
    case "defer": {
      state.attempt += 1;
      const data = {
        channel,
        rule: decision.rule,
        until: decision.until.toISOString(),
        attempt: state.attempt,
        // The zone quiet hours were judged in: pages show these times in it.
        timeZone: resolveTimeZone(ctx.profile.timezone),
      };
      trace(w, node.id, "deferred", `${decision.reason}; deferred`, data);
      block(w, decision.until);
      return STOP;
    }
    default:
      return assertNever(decision);
  }
}

/** The arrival number of the run at a node: a step's attempt group in its idempotency key. */
function arrivalKey(w: Working, nodeId: string): string {
  return `${w.state.runId}:${nodeId}:${w.state.visits[nodeId] ?? 1}`;
}

/**
 * A webhook step: queues the request and waits for its outcome. One that
 * counts as a message is held out, limited and budgeted like a send (quiet
 * hours do not apply); one that does not (a data sync) is always called, as
 * update-profile steps always run: a holdout gets no messages but keeps its
 * data in step, so lift compares messages alone. A holdout run's call says
 * so in the `Cue-Holdout: true` header and its trace.
 */
export function attemptWebhook(w: Working, node: NodeOfType<"send_webhook">): Outcome {
  const { state, ctx } = w;
  const counts = node.countsAsMessage === true;
  if (counts) {
    if (state.holdout) {
      trace(w, node.id, "holdout", "Holdout: webhook not called (it counts as a message)", {
        channel: "webhook",
      });
      return next("succeeded");
    }
    const limit = w.definition.settings.messageLimit;
    if (limit !== undefined && state.messagesSent >= limit) {
      const reason = `Journey message limit reached (${state.messagesSent} of ${limit}); webhook not called`;
      trace(w, node.id, "limit_reached", reason, { channel: "webhook", limit });
      return next("failed");
    }
    const decision = checkDeliveryRules(ctx.deliveryRules, {
      channel: "webhook",
      transactional: false,
      profile: ctx.profile,
      sentInWindow: w.sent,
      now: ctx.now,
    });
    if (decision.outcome === "skip") {
      trace(w, node.id, "skipped", `${decision.reason}; webhook not called`, {
        channel: "webhook",
        rule: decision.rule,
      });
      return next("failed");
    }
    if (decision.outcome === "defer") {
      state.attempt += 1;
      trace(w, node.id, "deferred", `${decision.reason}; deferred`, {
        channel: "webhook",
        rule: decision.rule,
        until: decision.until.toISOString(),
        attempt: state.attempt,
      });
      block(w, decision.until);
      return STOP;
    }
  }
  const idempotencyKey = arrivalKey(w, node.id);
  const spec = webhookRequestSpec(node);
  const request = state.holdout
    ? { ...spec, headers: [...spec.headers, { name: HOLDOUT_HEADER, value: "true" }] }
    : spec;
  const { profile } = ctx;
  w.effects.push({
    type: "webhook",
    nodeId: node.id,
    at: ctx.now,
    idempotencyKey,
    request,
    countsAsMessage: counts,
    profile: { id: profile.id, email: profile.email, traits: { ...profile.traits } },
  });
  if (counts) {
    state.messagesSent += 1;
    w.sent.push({ at: ctx.now, channel: "webhook" });
  }
  state.webhookPending = { nodeId: node.id, key: idempotencyKey, since: ctx.now };
  Object.assign(state, { status: "waiting", wakeAt: null });
  const queued = `${request.method} ${request.url} queued`;
  const why = state.holdout ? `${queued} (holdout run: a data sync, not a message)` : queued;
  trace(w, node.id, "webhook_queued", why, {
    method: request.method,
    url: request.url,
    headers: maskedHeaders(request),
    idempotencyKey,
    countsAsMessage: counts,
  });
  return STOP;
}

/** An update-profile step: the patch applies at once to what the rest of this step sees. */
function updateProfile(w: Working, node: NodeOfType<"update_profile">): Outcome {
  const { profile } = w.ctx;
  const update = applyTraitOperations(profile.traits, node.operations);
  const notes = update.skipped.map((s) => s.reason);
  if (update.changes.length === 0) {
    trace(w, node.id, "profile_updated", `No trait changed: ${notes.join("; ")}`, {
      changes: [],
      skipped: update.skipped,
    });
    return next();
  }
  w.ctx = { ...w.ctx, profile: { ...profile, traits: update.traits } };
  if (Object.hasOwn(update.patch, "email"))
    w.ctx.profile.email = normalizeEmail(update.patch.email);
  w.effects.push({
    type: "update_profile",
    nodeId: node.id,
    at: w.ctx.now,
    idempotencyKey: arrivalKey(w, node.id),
    traits: update.patch,
  });
  const said = update.changes
    .map((c) =>
      c.after === null ? `removed ${c.trait}` : `${c.trait} = ${JSON.stringify(c.after)}`,
    )
    .join(", ");
  const reason = `Profile updated: ${said}${notes.length > 0 ? ` (${notes.join("; ")})` : ""}`;
  trace(w, node.id, "profile_updated", reason, {
    changes: update.changes,
    skipped: update.skipped,
  });
  return next();
}

function enterNode(w: Working, node: JourneyNode): Outcome {
  switch (node.type) {
    case "trigger":
      return next();
    case "filter": {
      const result = evaluateCondition(node.condition, conditionContext(w));
      if (result.pass) {
        trace(w, node.id, "passed", "Filter passed");
        return next();
      }
      const [failure] = result.failures;
      const reason = `Filter failed: ${failure.condition} (actual: ${JSON.stringify(failure.actual)})`;
      trace(w, node.id, "filtered", reason, { ...failure });
      finish(w, "filtered");
      return STOP;
    }
    case "branch": {
      const result = evaluateCondition(node.condition, conditionContext(w));
      const exit = result.pass ? "yes" : "no";
      const [failure] = result.failures;
      const reason = result.pass
        ? "Branch: yes"
        : `Branch: no, ${failure.condition} (actual: ${JSON.stringify(failure.actual)})`;
      trace(w, node.id, "branch", reason, { exit, ...(failure && { ...failure }) });
      return next(exit);
    }
    case "split": {
      const { profileId, journeyId } = w.state;
      const variant = assignVariant(profileId, journeyId, node.id, node.variants);
      trace(w, node.id, "split", `Split: variant "${variant.key}"`, { variant: variant.key });
      return next(variant.key);
    }
    case "delay":
      return enterDelay(w, node);
    case "wait":
      return enterWait(w, node);
    case "send_email":
    case "send_inapp":
      return attemptSend(w, node);
    case "exit":
      trace(w, node.id, "exited", "Reached the exit");
      finish(w, "completed");
      return STOP;
    case "send_webhook":
      return attemptWebhook(w, node);
    case "update_profile":
      return updateProfile(w, node);
    default:
      return assertNever(node);
  }
}

/** Follows `exit` out of `fromId` and keeps going until the run blocks or ends. */
export function advanceFrom(w: Working, fromId: string, exit: string): void {
  const index = indexJourney(w.definition);
  let from = fromId;
  let out = exit;
  for (let hops = 0; ; hops++) {
    const targetId = index.next(from, out);
    const target = targetId === null ? undefined : index.nodes.get(targetId);
    if (!target) {
      // Only drafts (preview) can get here: publishing requires every exit wired.
      const reason = `Path ends: "${from}" exit "${out}" leads nowhere`;
      trace(w, from, "exited", reason, { exit: out, target: targetId });
      finish(w, "completed");
      return;
    }
    if (hops >= MAX_HOPS_PER_STEP) {
      trace(w, target.id, "exited", `Stopped after ${MAX_HOPS_PER_STEP} nodes without a wait`);
      finish(w, "exited");
      return;
    }
    w.state.nodeId = target.id;
    w.state.visits[target.id] = (w.state.visits[target.id] ?? 0) + 1;
    w.state.attempt = 0;
    const outcome = enterNode(w, target);
    if (outcome.kind === "stop") return;
    from = target.id;
    out = outcome.exit;
  }
}
