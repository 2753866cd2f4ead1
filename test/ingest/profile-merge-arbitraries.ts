import fc from "fast-check";

// Random call sequences for the profile-merge parity test. Ids are short
// names ("u1", "a2", "g1", "m3") that the test prefixes per sequence, so the
// sequences of one run never share a profile and can share HTTP batches.

export interface GeneratedCall {
  type: "identify" | "track" | "page" | "group" | "alias";
  userId?: string;
  anonymousId?: string;
  previousId?: string;
  groupId?: string;
  event?: string;
  traits?: Record<string, unknown>;
  context?: Record<string, unknown>;
  /** Minutes after the base time, plus milliseconds; absent: the client sent no timestamp. */
  time?: { minute: number; ms: number };
  /** Send again the call at this position of the sequence (same messageId and body): a retry. */
  resend?: number;
}

/** Requests, each a list of calls sent in one /batch. */
export type GeneratedSequence = GeneratedCall[][];

const userIds = fc.constantFrom("u1", "u2", "u3");
const anonymousIds = fc.constantFrom("a1", "a2", "a3");

const emails = fc.constantFrom(
  "ann@example.com",
  "  Ann@Example.COM ",
  "BOB@X.IO",
  "ÉMILE@ÉCOLE.FR",
  "",
  "   ",
  `${"x".repeat(330)}@example.com`,
  42,
);
const timezones = fc.constantFrom(
  "Europe/Paris",
  "america/new_york",
  "Asia/Calcutta",
  "UTC",
  "Mars/Olympus",
  "",
  7,
);
const plainValues = fc.oneof(
  fc.constantFrom("pro", "free", "team", "Pro"),
  fc.integer({ min: -5, max: 5 }),
  fc.boolean(),
  fc.constant([1, "two", null]),
  fc.constant({ city: "Paris", zip: null }),
  fc.constant({ city: "Lyon", geo: { lat: 45.7 } }),
  fc.string({ maxLength: 4 }),
);

/** Traits with null values (removals) often, and the keys the merge treats specially. */
const traits = fc
  .dictionary(
    fc.constantFrom("plan", "name", "email", "timezone", "address", "age", "constructor"),
    fc.oneof({ weight: 2, arbitrary: fc.constant(null) }, { weight: 5, arbitrary: plainValues }),
    { maxKeys: 4 },
  )
  .chain((base) =>
    fc.record({ email: fc.option(emails), timezone: fc.option(timezones) }).map((special) => {
      const out: Record<string, unknown> = { ...base };
      if ("email" in out && special.email !== null) out.email = special.email;
      if ("timezone" in out && special.timezone !== null) out.timezone = special.timezone;
      return out;
    }),
  );

const context = fc.option(
  fc.oneof(
    fc.record({ timezone: timezones }),
    fc.record({ timezone: fc.constantFrom("Asia/Tokyo", "Europe/Berlin", "Etc/Unknown", null) }),
    fc.constant({ library: { name: "analytics-node", version: "3" } }),
    // context.traits are not profile traits.
    fc.constant({ traits: { plan: "from-context" }, timezone: "Australia/Sydney" }),
  ),
  { nil: undefined },
);

// Few distinct minutes, so that equal event times (ties) are common.
const time = fc.option(
  fc.record({ minute: fc.integer({ min: 0, max: 12 }), ms: fc.constantFrom(0, 0, 1, 999) }),
  { nil: undefined, freq: 8 },
);

/** Who a call is from: a user, a device, or both (an identified device). */
const who = fc.oneof(
  fc.record({ userId: userIds }),
  fc.record({ anonymousId: anonymousIds }),
  fc.record({ userId: userIds, anonymousId: anonymousIds }),
);

const call: fc.Arbitrary<GeneratedCall> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.tuple(who, traits, context, time).map(([ids, t, c, at]) => ({
      type: "identify" as const,
      ...ids,
      traits: t,
      context: c,
      time: at,
    })),
  },
  {
    weight: 3,
    arbitrary: fc
      .tuple(who, context, time, fc.constantFrom("track", "page"))
      .map(([ids, c, at, type]) => ({
        type: type as "track" | "page",
        ...ids,
        event: "Clicked",
        context: c,
        time: at,
      })),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(who, fc.constantFrom("g1", "g2"), context, time)
      .map(([ids, groupId, c, at]) => ({
        type: "group" as const,
        ...ids,
        groupId,
        traits: { name: "Acme" },
        context: c,
        time: at,
      })),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(userIds, fc.oneof(userIds, anonymousIds), context, time)
      .map(([userId, previousId, c, at]) => ({
        type: "alias" as const,
        userId,
        previousId,
        context: c,
        time: at,
      })),
  },
  {
    weight: 1,
    arbitrary: fc.nat({ max: 20 }).map((resend) => ({ type: "track" as const, resend })),
  },
);

export const sequence: fc.Arbitrary<GeneratedSequence> = fc.array(
  fc.array(call, { minLength: 1, maxLength: 6 }),
  {
    minLength: 1,
    maxLength: 4,
  },
);
