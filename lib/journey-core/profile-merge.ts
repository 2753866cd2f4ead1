// The one profile merge: what a Segment call does to a profile's value, and
// what folding one profile into another keeps. Pure (no I/O, no clock).
// Ingestion implements the same rules in SQL (lib/ingest/insert-events.ts for
// calls, lib/ingest/upsert-profiles.ts for merges), and
// test/ingest/profile-merge-parity.test.ts holds the two to each other over
// random call sequences sent through the tracking API. Simulate (and so
// preview-as-user and backtests) and "why not?" build profiles with these
// functions only.
//
// The rules:
// 1. Traits. `identify` merges its traits into the profile key by key, at the
//    top level only: a nested object replaces the stored one whole, and a
//    `null` value removes the key. `context.traits` and group traits never
//    touch profile traits (Segment's rule too).
// 2. Event time decides, per key. A key holds what the identify with the
//    latest event time said about it (set or removed), whatever order the
//    calls arrive in: an older identify arriving late changes only the keys
//    no later identify has set or removed. At equal event times the call
//    processed later wins: later in its batch, or in a later request.
// 3. `email` is `traits.email` trimmed and lower-cased when that is a string
//    of 1–320 characters, else null.
// 4. `timezone` is `traits.timezone` when the runtime's tz database knows it
//    (in its canonical spelling), else the device's: the `context.timezone`
//    of the call (any type) with the latest event time that carried one as a
//    string. A name the runtime does not know counts as "unknown" there
//    rather than being skipped, so the device timezone too is decided by
//    event time alone.
// 5. `firstSeenAt` / `lastSeenAt` are the earliest and latest event time of
//    any call. Ingestion stores lastSeenAt in steps of a minute (it lags the
//    exact value by less than LAST_SEEN_RESOLUTION there).
// 6. `group` adds a membership; `joinedAt` is the earliest group call's time.
// 7. Merging profile B into A (alias, or an anonymous profile identified as a
//    user who already has one): per trait key the later write wins, A's on
//    a tie, removals included; email and the trait timezone follow their
//    keys; the device timezone is the one reported later (A's on a tie);
//    first/last seen widen; memberships unite with the earliest joinedAt.
//    Which profiles merge, and who survives, is identity resolution
//    (lib/ingest/plan-identities.ts).
// 8. A retried call (its messageId already stored) changes nothing, its
//    identities included.
//
// Why event time: apps batch, retry and send from offline devices, so
// arrival order is an accident; Segment's merged profile holds "the latest
// state of all traits", and a backtest or preview that replays stored
// events in time order can only rebuild the profile live traffic built if
// live traffic followed event time too. Where it cannot: a merge that meets
// two writes at the same millisecond keeps the survivor's, where a replay
// takes the later arrival; and two requests in flight at once for the same
// person each see only what was committed when they started.
//
// Values built from stored profiles (ProfileFacts) carry no per-key times:
// such keys count as older than any call, and a merge keeps the survivor's.

import { validTimezone } from "./valid-timezone";

/** The part of a profile that calls change. Times are Unix milliseconds. */
export interface ProfileValue {
  traits: Record<string, unknown>;
  /** Per trait key, the event time of the identify that last set or removed it. */
  traitTimes: Record<string, number>;
  email: string | null;
  /** `traits.timezone`, canonical, when the runtime knows it. */
  traitTimezone: string | null;
  /** The device's timezone (canonical), null when unknown. */
  contextTimezone: string | null;
  /** Event time of the latest call that reported a context.timezone; null when none did. */
  contextTimezoneAt: number | null;
  /** What journeys use: traitTimezone, else contextTimezone. */
  timezone: string | null;
  firstSeenAt: Date | null;
  lastSeenAt: Date | null;
  /** groupId → joinedAt. */
  groups: Record<string, Date>;
}

export type ProfileCallType = "identify" | "track" | "page" | "screen" | "group" | "alias";

/** One call as the merge sees it (what ingestion stores for the event). */
export interface ProfileCall {
  type: ProfileCallType;
  /** Event time, after clock-skew correction. */
  at: Date;
  /** identify's traits as sent; other types' traits are ignored. */
  traits?: Readonly<Record<string, unknown>> | null;
  /** `context.timezone` as sent, any JSON value; undefined when absent. */
  contextTimezone?: unknown;
  /** group's groupId. */
  groupId?: string | null;
}

export const MAX_EMAIL_LENGTH = 320;

export function emptyProfileValue(): ProfileValue {
  return {
    traits: {},
    traitTimes: {},
    email: null,
    traitTimezone: null,
    contextTimezone: null,
    contextTimezoneAt: null,
    timezone: null,
    firstSeenAt: null,
    lastSeenAt: null,
    groups: {},
  };
}

/** The profile's email for a `traits.email` value (rule 3). */
export function normalizeEmail(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const trimmed = value.trim();
  if (trimmed === "" || trimmed.length > MAX_EMAIL_LENGTH) return null;
  return trimmed.toLowerCase();
}

/**
 * What a call's `context.timezone` says (rule 4): undefined when it reports
 * none (absent or not a string), else the canonical zone or null when the
 * runtime does not know the name.
 */
export function reportedTimezone(value: unknown): string | null | undefined {
  return typeof value === "string" ? validTimezone(value) : undefined;
}

/** The value after one call (rules 1–6). The input is not modified. */
export function applyProfileCall(value: ProfileValue, call: ProfileCall): ProfileValue {
  const at = call.at.getTime();
  const next: ProfileValue = {
    ...value,
    firstSeenAt:
      value.firstSeenAt && value.firstSeenAt.getTime() <= at ? value.firstSeenAt : call.at,
    lastSeenAt: value.lastSeenAt && value.lastSeenAt.getTime() >= at ? value.lastSeenAt : call.at,
  };
  if (call.type === "identify" && call.traits) applyTraits(next, call.traits, at);
  const reported = reportedTimezone(call.contextTimezone);
  if (reported !== undefined && (next.contextTimezoneAt === null || at >= next.contextTimezoneAt)) {
    next.contextTimezone = reported;
    next.contextTimezoneAt = at;
  }
  if (call.type === "group" && call.groupId) {
    const joined = next.groups[call.groupId];
    if (!joined || at < joined.getTime()) {
      next.groups = withKey(next.groups, call.groupId, call.at);
    }
  }
  // Recomputed only when a source moved, so a value given as facts keeps its
  // timezone until then.
  if (
    next.traitTimezone !== value.traitTimezone ||
    next.contextTimezone !== value.contextTimezone
  ) {
    next.timezone = next.traitTimezone ?? next.contextTimezone;
  }
  return next;
}

/** Applies calls in event-time order (stable: equal times keep their order). */
export function foldProfileCalls(value: ProfileValue, calls: readonly ProfileCall[]): ProfileValue {
  const ordered = [...calls].sort((a, b) => a.at.getTime() - b.at.getTime());
  return ordered.reduce(applyProfileCall, value);
}

function applyTraits(next: ProfileValue, patch: Readonly<Record<string, unknown>>, at: number) {
  let traits: Record<string, unknown> | null = null;
  let times: Record<string, number> | null = null;
  for (const key of Object.keys(patch)) {
    const decided = Object.hasOwn(next.traitTimes, key) ? next.traitTimes[key] : undefined;
    if (decided !== undefined && at < decided) continue; // a later identify decided this key
    traits ??= { ...next.traits };
    times ??= { ...next.traitTimes };
    const value = patch[key];
    if (value === null) delete traits[key];
    else defineKey(traits, key, value);
    defineKey(times, key, at);
    if (key === "email") next.email = normalizeEmail(value);
    if (key === "timezone") next.traitTimezone = validTimezone(value);
  }
  if (traits) next.traits = traits;
  if (times) next.traitTimes = times;
}

/** `absorbed` folded into `survivor` (rule 7). Neither input is modified. */
export function mergeProfileValues(survivor: ProfileValue, absorbed: ProfileValue): ProfileValue {
  const traits = { ...survivor.traits };
  const traitTimes = { ...survivor.traitTimes };
  let { email, traitTimezone } = survivor;
  const keys = new Set([...Object.keys(absorbed.traits), ...Object.keys(absorbed.traitTimes)]);
  for (const key of keys) {
    const theirs = Object.hasOwn(absorbed.traitTimes, key) ? absorbed.traitTimes[key] : undefined;
    const ours = Object.hasOwn(survivor.traitTimes, key) ? survivor.traitTimes[key] : undefined;
    const wins =
      theirs === undefined
        ? ours === undefined && !Object.hasOwn(survivor.traits, key)
        : ours === undefined || theirs > ours;
    if (!wins) continue;
    if (Object.hasOwn(absorbed.traits, key)) defineKey(traits, key, absorbed.traits[key]);
    else delete traits[key];
    if (theirs !== undefined) defineKey(traitTimes, key, theirs);
    if (key === "email") email = absorbed.email;
    if (key === "timezone") traitTimezone = absorbed.traitTimezone;
  }

  let { contextTimezone, contextTimezoneAt } = survivor;
  if (
    absorbed.contextTimezoneAt !== null &&
    (contextTimezoneAt === null || absorbed.contextTimezoneAt > contextTimezoneAt)
  ) {
    contextTimezone = absorbed.contextTimezone;
    contextTimezoneAt = absorbed.contextTimezoneAt;
  } else if (contextTimezoneAt === null && absorbed.contextTimezoneAt === null) {
    contextTimezone ??= absorbed.contextTimezone; // neither knows when (stored before times were kept)
  }

  const groups = { ...survivor.groups };
  for (const [groupId, joinedAt] of Object.entries(absorbed.groups)) {
    const ours = Object.hasOwn(groups, groupId) ? groups[groupId] : undefined;
    if (!ours || joinedAt < ours) defineKey(groups, groupId, joinedAt);
  }

  return {
    traits,
    traitTimes,
    email,
    traitTimezone,
    contextTimezone,
    contextTimezoneAt,
    timezone: traitTimezone ?? contextTimezone,
    firstSeenAt: earliest(survivor.firstSeenAt, absorbed.firstSeenAt),
    lastSeenAt: latest(survivor.lastSeenAt, absorbed.lastSeenAt),
    groups,
  };
}

/** The value of a stored profile (its facts), whose trait keys carry no times. */
export function profileValueOf(stored: {
  traits: Readonly<Record<string, unknown>>;
  email: string | null;
  timezone: string | null;
  firstSeenAt: Date | null;
  lastSeenAt: Date | null;
  /** The stored device timezone, when the caller has it; else read off `timezone`. */
  contextTimezone?: string | null;
}): ProfileValue {
  const traitTimezone = validTimezone(stored.traits.timezone);
  const contextTimezone =
    stored.contextTimezone !== undefined
      ? stored.contextTimezone
      : traitTimezone === null
        ? stored.timezone
        : null;
  return {
    traits: { ...stored.traits },
    traitTimes: {},
    email: stored.email,
    traitTimezone,
    contextTimezone,
    contextTimezoneAt: null,
    timezone: stored.timezone,
    firstSeenAt: stored.firstSeenAt,
    lastSeenAt: stored.lastSeenAt,
    groups: {},
  };
}

// A key named like an Object.prototype member ("__proto__") must become an
// own property, as it is in the stored JSON, not call a setter.
function defineKey<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

function withKey<T>(source: Record<string, T>, key: string, value: T): Record<string, T> {
  const copy = { ...source };
  defineKey(copy, key, value);
  return copy;
}

function earliest(a: Date | null, b: Date | null): Date | null {
  if (!a) return b;
  if (!b) return a;
  return b < a ? b : a;
}

function latest(a: Date | null, b: Date | null): Date | null {
  if (!a) return b;
  if (!b) return a;
  return b > a ? b : a;
}
