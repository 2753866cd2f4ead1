import { describe, expect, it } from "vitest";
import {
  applyProfileCall,
  emptyProfileValue,
  foldProfileCalls,
  mergeProfileValues,
  normalizeEmail,
  type ProfileCall,
  type ProfileValue,
  profileValueOf,
  reportedTimezone,
} from "./profile-merge";

const T0 = Date.UTC(2026, 2, 1, 9, 0, 0);
const at = (minutes: number) => new Date(T0 + minutes * 60_000);
const identify = (
  minutes: number,
  traits: Record<string, unknown>,
  extra: Partial<ProfileCall> = {},
) => ({ type: "identify", at: at(minutes), traits, ...extra }) as ProfileCall;
const track = (minutes: number, extra: Partial<ProfileCall> = {}) =>
  ({ type: "track", at: at(minutes), ...extra }) as ProfileCall;
const fold = (calls: ProfileCall[], start: ProfileValue = emptyProfileValue()) =>
  calls.reduce(applyProfileCall, start);

type Picked = Partial<Pick<ProfileValue, "traits" | "email" | "timezone" | "contextTimezone">>;
type Row = [name: string, calls: ProfileCall[], expected: Picked];

// Calls applied in the order listed (arrival order), whatever their times.
const rows: Row[] = [
  [
    "identify sets traits",
    [identify(0, { plan: "pro", age: 3 })],
    { traits: { plan: "pro", age: 3 } },
  ],
  [
    "a later identify adds and replaces keys",
    [identify(0, { plan: "pro", age: 3 }), identify(1, { plan: "team" })],
    { traits: { plan: "team", age: 3 } },
  ],
  [
    "null removes a key",
    [identify(0, { plan: "pro", age: 3 }), identify(1, { age: null })],
    { traits: { plan: "pro" } },
  ],
  ["null for a key never set is a no-op", [identify(0, { ghost: null })], { traits: {} }],
  [
    "a nested object replaces the stored one whole (no deep merge)",
    [
      identify(0, { address: { city: "Paris", zip: "75001" } }),
      identify(1, { address: { city: "Lyon" } }),
    ],
    { traits: { address: { city: "Lyon" } } },
  ],
  [
    "nulls inside nested objects are kept",
    [identify(0, { address: { city: null } })],
    { traits: { address: { city: null } } },
  ],
  [
    "an older identify arriving late loses the keys a later one set",
    [identify(5, { plan: "pro" }), identify(1, { plan: "free", color: "red" })],
    { traits: { plan: "pro", color: "red" } },
  ],
  [
    "an older removal arriving late does not remove a newer value",
    [identify(5, { plan: "pro" }), identify(1, { plan: null })],
    { traits: { plan: "pro" } },
  ],
  [
    "an older value arriving late does not revive a newer removal",
    [identify(1, { plan: "pro" }), identify(5, { plan: null }), identify(3, { plan: "team" })],
    { traits: {} },
  ],
  [
    "equal event times: the call processed later wins",
    [identify(1, { plan: "pro" }), identify(1, { plan: "team" })],
    { traits: { plan: "team" } },
  ],
  [
    "email mirrors traits.email, trimmed and lower-cased",
    [identify(0, { email: "  Ann@Example.COM " })],
    { email: "ann@example.com", traits: { email: "  Ann@Example.COM " } },
  ],
  [
    "email lower-cases beyond ASCII",
    [identify(0, { email: "ÉMILE@X.FR" })],
    { email: "émile@x.fr" },
  ],
  [
    "a non-string email is no address",
    [identify(0, { email: 42 })],
    { email: null, traits: { email: 42 } },
  ],
  ["a blank email is no address", [identify(0, { email: "   " })], { email: null }],
  [
    "an email of exactly 320 characters is an address",
    [identify(0, { email: `${"a".repeat(315)}@x.io` })],
    { email: `${"a".repeat(315)}@x.io` },
  ],
  [
    "an email over 320 characters is no address",
    [identify(0, { email: `${"a".repeat(316)}@x.io` })],
    { email: null },
  ],
  [
    "removing traits.email clears email",
    [identify(0, { email: "a@x.io" }), identify(1, { email: null })],
    { email: null, traits: {} },
  ],
  [
    "a late older email does not replace a newer one",
    [identify(5, { email: "new@x.io" }), identify(1, { email: "old@x.io" })],
    { email: "new@x.io" },
  ],
  [
    "traits.timezone is canonicalised",
    [identify(0, { timezone: "america/new_york" })],
    { timezone: "America/New_York", traits: { timezone: "america/new_york" } },
  ],
  [
    "an unknown traits.timezone is kept as a trait but not used",
    [identify(0, { timezone: "Mars/Olympus" })],
    { timezone: null, traits: { timezone: "Mars/Olympus" } },
  ],
  [
    "context.timezone on any call sets the device timezone",
    [track(0, { contextTimezone: "Asia/Tokyo" })],
    { timezone: "Asia/Tokyo", contextTimezone: "Asia/Tokyo" },
  ],
  [
    "traits.timezone wins over the device's",
    [
      track(0, { contextTimezone: "Asia/Tokyo" }),
      identify(1, { timezone: "Europe/Paris" }),
      track(2, { contextTimezone: "Asia/Tokyo" }),
    ],
    { timezone: "Europe/Paris", contextTimezone: "Asia/Tokyo" },
  ],
  [
    "an unknown traits.timezone falls back to the device's",
    [track(0, { contextTimezone: "Asia/Tokyo" }), identify(1, { timezone: "Mars/Olympus" })],
    { timezone: "Asia/Tokyo" },
  ],
  [
    "removing traits.timezone falls back to the device's",
    [
      identify(0, { timezone: "Europe/Paris" }),
      track(1, { contextTimezone: "Asia/Tokyo" }),
      identify(2, { timezone: null }),
    ],
    { timezone: "Asia/Tokyo" },
  ],
  [
    "the device timezone follows the latest event time, not arrival",
    [track(5, { contextTimezone: "Asia/Tokyo" }), track(1, { contextTimezone: "Europe/Paris" })],
    { timezone: "Asia/Tokyo" },
  ],
  [
    "an unknown context.timezone makes the device timezone unknown",
    [track(0, { contextTimezone: "Asia/Tokyo" }), track(1, { contextTimezone: "Etc/Unknown" })],
    { timezone: null, contextTimezone: null },
  ],
  [
    "a context.timezone that is not a string reports nothing",
    [
      track(0, { contextTimezone: "Asia/Tokyo" }),
      track(1, { contextTimezone: 9 }),
      track(2, { contextTimezone: null }),
    ],
    { timezone: "Asia/Tokyo" },
  ],
  [
    "only identify changes traits",
    [
      { type: "group", at: at(0), traits: { plan: "team" }, groupId: "g" },
      track(1, { traits: { plan: "x" } }),
    ],
    { traits: {} },
  ],
  [
    "a trait named __proto__ is an ordinary key",
    [identify(0, JSON.parse('{"__proto__": {"polluted": true}, "plan": "pro"}'))],
    { traits: JSON.parse('{"__proto__": {"polluted": true}, "plan": "pro"}') },
  ],
];

describe("applyProfileCall", () => {
  it.each(rows)("%s", (_name, calls, expected) => {
    const value = fold(calls);
    expect(value).toMatchObject(expected);
    if (expected.traits)
      expect(Object.keys(value.traits).sort()).toEqual(Object.keys(expected.traits).sort());
  });

  it("gives the same value whatever order the calls arrive in (distinct times)", () => {
    const calls = [
      identify(3, { plan: "pro", email: "A@x.io" }),
      track(4, { contextTimezone: "Asia/Tokyo" }),
      identify(1, { plan: "free", timezone: "Europe/Paris", age: 1 }),
      identify(5, { age: null, timezone: "bogus" }),
      track(2, { contextTimezone: "Europe/Berlin" }),
      { type: "group", at: at(6), groupId: "g1" } as ProfileCall,
      { type: "group", at: at(0), groupId: "g1" } as ProfileCall,
    ];
    const inOrder = foldProfileCalls(emptyProfileValue(), calls);
    for (const order of [calls.toReversed(), [...calls.slice(3), ...calls.slice(0, 3)]]) {
      expect(fold(order)).toEqual(inOrder);
    }
    expect(inOrder).toMatchObject({
      traits: { plan: "pro", email: "A@x.io", timezone: "bogus" },
      email: "a@x.io",
      timezone: "Asia/Tokyo",
      firstSeenAt: at(0),
      lastSeenAt: at(6),
      groups: { g1: at(0) },
    });
  });

  it("does not modify its input", () => {
    const start = fold([identify(0, { plan: "pro" })]);
    const copy = structuredClone(start);
    applyProfileCall(start, identify(1, { plan: null, email: "x@y.z" }));
    expect(start).toEqual(copy);
  });

  it("widens first and last seen with every call type", () => {
    const value = fold([track(5), { type: "alias", at: at(9) }, { type: "page", at: at(2) }]);
    expect(value.firstSeenAt).toEqual(at(2));
    expect(value.lastSeenAt).toEqual(at(9));
  });

  it("keeps the earliest group call as joinedAt", () => {
    const group = (minutes: number, groupId: string) =>
      ({ type: "group", at: at(minutes), groupId }) as ProfileCall;
    expect(fold([group(5, "a"), group(1, "a"), group(3, "b"), group(7, "a")]).groups).toEqual({
      a: at(1),
      b: at(3),
    });
  });
});

describe("mergeProfileValues", () => {
  type MergeRow = [
    name: string,
    survivor: ProfileCall[],
    absorbed: ProfileCall[],
    expected: Picked,
  ];
  const mergeRows: MergeRow[] = [
    [
      "keys only the absorbed has carry over",
      [identify(0, { plan: "pro" })],
      [identify(1, { utm: "ad" })],
      { traits: { plan: "pro", utm: "ad" } },
    ],
    [
      "the later write of a key wins",
      [identify(5, { plan: "pro" })],
      [identify(1, { plan: "trial" })],
      { traits: { plan: "pro" } },
    ],
    [
      "the absorbed profile's later write wins",
      [identify(1, { plan: "pro" })],
      [identify(5, { plan: "team" })],
      { traits: { plan: "team" } },
    ],
    [
      "the survivor wins a tie",
      [identify(1, { plan: "pro" })],
      [identify(1, { plan: "team" })],
      { traits: { plan: "pro" } },
    ],
    [
      "a later removal in the absorbed profile removes the key",
      [identify(1, { plan: "pro" })],
      [identify(0, { plan: "x" }), identify(5, { plan: null })],
      { traits: {} },
    ],
    [
      "a later removal in the survivor keeps the key out",
      [identify(0, { plan: "x" }), identify(5, { plan: null })],
      [identify(1, { plan: "trial" })],
      { traits: {} },
    ],
    [
      "email follows its key",
      [identify(1, { email: "Old@x.io" })],
      [identify(5, { email: "New@x.io" })],
      { email: "new@x.io" },
    ],
    [
      "the trait timezone follows its key",
      [identify(5, { timezone: "Europe/Paris" })],
      [identify(1, { timezone: "Asia/Tokyo" })],
      { timezone: "Europe/Paris" },
    ],
    [
      "the device timezone reported later wins",
      [track(1, { contextTimezone: "Europe/Paris" })],
      [track(5, { contextTimezone: "Asia/Tokyo" })],
      { timezone: "Asia/Tokyo" },
    ],
    [
      "the survivor's device timezone wins a tie",
      [track(1, { contextTimezone: "Europe/Paris" })],
      [track(1, { contextTimezone: "Asia/Tokyo" })],
      { timezone: "Europe/Paris" },
    ],
    [
      "the absorbed trait timezone beats the survivor's device timezone",
      [track(9, { contextTimezone: "Europe/Paris" })],
      [identify(1, { timezone: "Asia/Tokyo" })],
      { timezone: "Asia/Tokyo", contextTimezone: "Europe/Paris" },
    ],
  ];

  it.each(mergeRows)("%s", (_name, survivor, absorbed, expected) => {
    expect(mergeProfileValues(fold(survivor), fold(absorbed))).toMatchObject(expected);
  });

  it("equals replaying both profiles' calls when no two writes tie", () => {
    const a = [
      identify(0, { plan: "free", email: "a@x.io" }),
      track(3, { contextTimezone: "Europe/Paris" }),
      identify(6, { age: null }),
    ];
    const b = [
      identify(2, { plan: "trial", age: 4 }),
      track(1, { contextTimezone: "Asia/Tokyo" }),
      identify(4, { email: null }),
      { type: "group", at: at(7), groupId: "g" } as ProfileCall,
    ];
    expect(mergeProfileValues(fold(a), fold(b))).toEqual(
      foldProfileCalls(emptyProfileValue(), [...a, ...b]),
    );
    expect(mergeProfileValues(fold(b), fold(a))).toEqual(
      foldProfileCalls(emptyProfileValue(), [...a, ...b]),
    );
  });

  it("widens seen times and unites memberships with the earliest joinedAt", () => {
    const group = (minutes: number, groupId: string) =>
      ({ type: "group", at: at(minutes), groupId }) as ProfileCall;
    const merged = mergeProfileValues(
      fold([group(3, "a"), group(4, "b")]),
      fold([group(1, "a"), group(9, "c")]),
    );
    expect(merged.groups).toEqual({ a: at(1), b: at(4), c: at(9) });
    expect([merged.firstSeenAt, merged.lastSeenAt]).toEqual([at(1), at(9)]);
  });

  it("keeps the survivor's keys that carry no time (stored before times were kept)", () => {
    const stored = profileValueOf({
      traits: { plan: "pro" },
      email: null,
      timezone: null,
      firstSeenAt: at(0),
      lastSeenAt: at(0),
    });
    expect(
      mergeProfileValues(stored, fold([identify(5, { plan: "trial", utm: "x" })])).traits,
    ).toEqual({ plan: "trial", utm: "x" });
    expect(
      mergeProfileValues(
        stored,
        profileValueOf({
          traits: { plan: "team", utm: "y" },
          email: null,
          timezone: null,
          firstSeenAt: at(0),
          lastSeenAt: at(0),
        }),
      ).traits,
    ).toEqual({ plan: "pro", utm: "y" });
  });
});

describe("profileValueOf", () => {
  it("reads the device timezone off a stored profile without a valid trait timezone", () => {
    const base = { email: null, firstSeenAt: at(0), lastSeenAt: at(0) };
    expect(profileValueOf({ ...base, traits: {}, timezone: "Asia/Tokyo" })).toMatchObject({
      contextTimezone: "Asia/Tokyo",
      traitTimezone: null,
    });
    expect(
      profileValueOf({ ...base, traits: { timezone: "Europe/Paris" }, timezone: "Europe/Paris" }),
    ).toMatchObject({ contextTimezone: null, traitTimezone: "Europe/Paris" });
    expect(
      profileValueOf({
        ...base,
        traits: { timezone: "Europe/Paris" },
        timezone: "Europe/Paris",
        contextTimezone: "Asia/Tokyo",
      }),
    ).toMatchObject({ contextTimezone: "Asia/Tokyo" });
  });

  it("keeps a stored timezone until one of its sources moves", () => {
    const stored = profileValueOf({
      traits: { timezone: "Europe/Berlin" },
      email: null,
      timezone: "America/New_York",
      firstSeenAt: at(0),
      lastSeenAt: at(0),
    });
    expect(applyProfileCall(stored, identify(1, { plan: "pro" })).timezone).toBe(
      "America/New_York",
    );
    expect(applyProfileCall(stored, track(1, { contextTimezone: "Asia/Tokyo" })).timezone).toBe(
      "Europe/Berlin",
    );
  });

  it("treats stored keys as older than any call", () => {
    const stored = profileValueOf({
      traits: { plan: "pro" },
      email: null,
      timezone: null,
      firstSeenAt: at(0),
      lastSeenAt: at(0),
    });
    expect(applyProfileCall(stored, identify(-1000, { plan: "free" })).traits).toEqual({
      plan: "free",
    });
  });
});

describe("normalizeEmail and reportedTimezone", () => {
  it.each([
    [" A@B.C ", "a@b.c"],
    ["", null],
    [null, null],
    [["a@b.c"], null],
  ])("normalizeEmail(%j) = %j", (input, output) => {
    expect(normalizeEmail(input)).toBe(output);
  });

  it.each([
    [undefined, undefined],
    [null, undefined],
    [7, undefined],
    ["", null],
    ["Nowhere/Land", null],
    ["europe/paris", "Europe/Paris"],
  ])("reportedTimezone(%j) = %j", (input, output) => {
    expect(reportedTimezone(input)).toBe(output);
  });
});
