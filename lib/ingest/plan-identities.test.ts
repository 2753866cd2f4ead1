import { describe, expect, it } from "vitest";
import { type ExistingIdentity, planIdentities, planIsReadOnly } from "./plan-identities";
import type { NormalizedMessage } from "./types";

const clock = 0;
function call(fields: Partial<NormalizedMessage> & { index: number }): NormalizedMessage {
  return {
    type: "track",
    messageId: `m${fields.index}`,
    userId: null,
    anonymousId: null,
    name: "E",
    properties: {},
    traits: null,
    context: null,
    extra: null,
    timestamp: new Date(Date.UTC(2026, 0, 1) + (fields.index + clock) * 1000),
    sentAt: null,
    groupId: null,
    previousId: null,
    traitEmail: null,
    traitTimezone: null,
    contextTimezoneReported: false,
    contextTimezone: null,
    ...fields,
  };
}

function ids() {
  let n = 0;
  return () => `new-${++n}`;
}

const stored = (
  kind: "userId" | "anonymousId",
  value: string,
  profileId: string,
  profileUserId: string | null,
): ExistingIdentity => ({
  kind,
  value,
  profileId,
  profileUserId,
});

describe("planIdentities", () => {
  it("is read-only when every id is known and nothing links", () => {
    const plan = planIdentities(
      [call({ index: 0, userId: "u1" }), call({ index: 1, anonymousId: "a1" })],
      [stored("userId", "u1", "P1", "u1"), stored("anonymousId", "a1", "P2", null)],
      ids(),
    );
    expect(planIsReadOnly(plan)).toBe(true);
    expect([...plan.profileOf]).toEqual([
      [0, "P1"],
      [1, "P2"],
    ]);
    expect(plan.touchedProfileIds).toEqual(["P1", "P2"]);
  });

  it("creates one profile per new id, however many calls name it", () => {
    const plan = planIdentities(
      [
        call({ index: 0, userId: "u1" }),
        call({ index: 1, userId: "u1" }),
        call({ index: 2, anonymousId: "a1" }),
      ],
      [],
      ids(),
    );
    expect(plan.newProfiles.map((p) => [p.id, p.userId])).toEqual([
      ["new-1", "u1"],
      ["new-2", null],
    ]);
    expect(plan.newIdentities).toEqual([
      { kind: "userId", value: "u1", profileId: "new-1" },
      { kind: "anonymousId", value: "a1", profileId: "new-2" },
    ]);
  });

  it("turns an anonymous-only batch history into the known profile (no merge)", () => {
    const plan = planIdentities(
      [
        call({ index: 0, anonymousId: "a1" }),
        call({ index: 1, type: "identify", userId: "u1", anonymousId: "a1" }),
      ],
      [],
      ids(),
    );
    expect(plan.newProfiles.map((p) => p.userId)).toEqual(["u1"]);
    expect(plan.merges).toEqual([]);
    expect(new Set(plan.profileOf.values())).toEqual(new Set(["new-1"]));
  });

  it("assigns the userId to a stored anonymous profile", () => {
    const plan = planIdentities(
      [call({ index: 0, type: "identify", userId: "u1", anonymousId: "a1" })],
      [stored("anonymousId", "a1", "PA", null)],
      ids(),
    );
    expect(plan.userIdAssignments).toEqual([{ profileId: "PA", userId: "u1" }]);
    expect(plan.newIdentities).toEqual([{ kind: "userId", value: "u1", profileId: "PA" }]);
    expect(plan.newProfiles).toEqual([]);
  });

  it("merges a stored anonymous profile into the stored known one", () => {
    const plan = planIdentities(
      [call({ index: 0, type: "identify", userId: "u1", anonymousId: "a1" })],
      [stored("userId", "u1", "PK", "u1"), stored("anonymousId", "a1", "PA", null)],
      ids(),
    );
    expect(plan.merges).toEqual([{ from: "PA", into: "PK" }]);
    expect(plan.profileOf.get(0)).toBe("PK");
    expect(plan.touchedProfileIds).toEqual(["PA", "PK"]);
  });

  it("never merges two known users through a shared anonymousId", () => {
    const plan = planIdentities(
      [call({ index: 0, type: "identify", userId: "u2", anonymousId: "a1" })],
      [stored("anonymousId", "a1", "P1", "u1"), stored("userId", "u1", "P1", "u1")],
      ids(),
    );
    expect(plan.merges).toEqual([]);
    expect(plan.newProfiles.map((p) => p.userId)).toEqual(["u2"]);
    expect(plan.newIdentities).toEqual([{ kind: "userId", value: "u2", profileId: "new-1" }]);
    expect(plan.profileOf.get(0)).toBe("new-1");
  });

  it("alias merges previousId's profile, even a known one", () => {
    const plan = planIdentities(
      [call({ index: 0, type: "alias", userId: "new-id", previousId: "old-id" })],
      [
        stored("userId", "old-id", "P-old", "old-id"),
        stored("userId", "new-id", "P-new", "new-id"),
      ],
      ids(),
    );
    expect(plan.merges).toEqual([{ from: "P-old", into: "P-new" }]);
  });

  it("alias of an unseen previousId records it as an anonymousId", () => {
    const plan = planIdentities(
      [call({ index: 0, type: "alias", userId: "u1", previousId: "legacy" })],
      [stored("userId", "u1", "P1", "u1")],
      ids(),
    );
    expect(plan.newIdentities).toEqual([{ kind: "anonymousId", value: "legacy", profileId: "P1" }]);
  });

  it("applies calls in event-time order, not batch order", () => {
    // The identify happened first, so the later anonymous call belongs to u1.
    const plan = planIdentities(
      [
        call({ index: 0, anonymousId: "a1", timestamp: new Date("2026-01-01T00:00:10Z") }),
        call({
          index: 1,
          type: "identify",
          userId: "u1",
          anonymousId: "a1",
          timestamp: new Date("2026-01-01T00:00:00Z"),
        }),
      ],
      [],
      ids(),
    );
    expect(plan.newProfiles).toEqual([
      {
        id: "new-1",
        userId: "u1",
        firstSeenAt: new Date("2026-01-01T00:00:00Z"),
        lastSeenAt: new Date("2026-01-01T00:00:10Z"),
      },
    ]);
    expect(plan.profileOf.get(0)).toBe("new-1");
  });

  it("resolves chains: a new profile merged into another points its ids at the survivor", () => {
    const plan = planIdentities(
      [
        call({ index: 0, anonymousId: "a1" }),
        call({ index: 1, type: "alias", userId: "u1", previousId: "a1" }),
        call({ index: 2, type: "identify", userId: "u1", anonymousId: "a2" }),
      ],
      [stored("userId", "u1", "PK", "u1"), stored("anonymousId", "a2", "PA2", null)],
      ids(),
    );
    expect(plan.newProfiles).toEqual([]); // a1's fresh profile folded into PK
    expect(plan.newIdentities).toEqual([{ kind: "anonymousId", value: "a1", profileId: "PK" }]);
    expect(plan.merges).toEqual([{ from: "PA2", into: "PK" }]);
    expect(new Set(plan.profileOf.values())).toEqual(new Set(["PK"]));
  });
});
