import { randomUUID } from "node:crypto";
import type { NormalizedMessage } from "./types";

// Identity resolution for one batch, as a pure function of the batch and the
// identities already stored. The result is a plan the database applies with a
// few set-based statements (upsert-profiles.ts), instead of a lookup and an
// insert per event.
//
// Rules (Segment's, with Unify's "identifiers seen together" linking):
// - a userId names one profile; an anonymousId belongs to at most one profile;
// - a call carrying both ids links them: an anonymous profile becomes (or is
//   merged into) the known one, but an anonymousId already attached to a
//   different userId stays there (a shared device must not merge two people);
// - alias(previousId → userId) merges previousId's profile into userId's,
//   whoever owned it;
// - messages are applied in event-time order, so the outcome does not depend
//   on how the client ordered the batch.

export type IdentityKind = "userId" | "anonymousId";

export interface ExistingIdentity {
  kind: IdentityKind;
  value: string;
  profileId: string;
  /** The owning profile's userId (null for an anonymous profile). */
  profileUserId: string | null;
}

export interface IdentityPlan {
  /** Profiles to insert, with the first and last time they were seen in this batch. */
  newProfiles: { id: string; userId: string | null; firstSeenAt: Date; lastSeenAt: Date }[];
  /** Identities to insert, already pointing at their final profile. */
  newIdentities: { kind: IdentityKind; value: string; profileId: string }[];
  /** Anonymous profiles that become known (UPDATE profiles SET userId). */
  userIdAssignments: { profileId: string; userId: string }[];
  /** Stored profiles folded into another one (`into` is final: no chains). */
  merges: { from: string; into: string }[];
  /** Final profile of each message, by message index. */
  profileOf: Map<number, string>;
  /** Stored profiles the batch touches, sorted (the row-lock order). */
  touchedProfileIds: string[];
}

interface Node {
  id: string;
  userId: string | null;
  stored: boolean;
  mergedInto?: Node;
}

const keyOf = (kind: IdentityKind, value: string) => `${kind}:${value}`;

export function planIdentities(
  messages: readonly NormalizedMessage[],
  existing: readonly ExistingIdentity[],
  /** The id of a new profile, from the identity it is created for (default random). */
  newId: (kind: IdentityKind, value: string) => string = () => randomUUID(),
): IdentityPlan {
  const nodes = new Map<string, Node>();
  const byKey = new Map<string, Node>();
  for (const row of existing) {
    let node = nodes.get(row.profileId);
    if (!node) {
      node = { id: row.profileId, userId: row.profileUserId, stored: true };
      nodes.set(node.id, node);
    }
    byKey.set(keyOf(row.kind, row.value), node);
  }

  const created: Node[] = [];
  const addedKeys = new Map<string, { kind: IdentityKind; value: string; node: Node }>();
  const assignments = new Map<Node, string>();
  const merges: { from: Node; into: Node }[] = [];
  const messageNode = new Map<number, Node>();
  const firstSeen = new Map<Node, Date>();
  const lastSeen = new Map<Node, Date>();

  const final = (node: Node): Node => {
    let current = node;
    while (current.mergedInto) current = current.mergedInto;
    return current;
  };
  const find = (kind: IdentityKind, value: string | null): Node | undefined => {
    if (value === null) return undefined;
    const node = byKey.get(keyOf(kind, value));
    return node ? final(node) : undefined;
  };
  const attach = (kind: IdentityKind, value: string, node: Node) => {
    const key = keyOf(kind, value);
    byKey.set(key, node);
    addedKeys.set(key, { kind, value, node });
  };
  const create = (userId: string | null, anonymousId: string | null = null): Node => {
    const node: Node = {
      id: userId !== null ? newId("userId", userId) : newId("anonymousId", anonymousId ?? ""),
      userId,
      stored: false,
    };
    created.push(node);
    if (userId !== null) attach("userId", userId, node);
    return node;
  };
  const merge = (from: Node, into: Node) => {
    from.mergedInto = into;
    merges.push({ from, into });
  };

  const ordered = [...messages].sort(
    (a, b) => a.timestamp.getTime() - b.timestamp.getTime() || a.index - b.index,
  );
  for (const message of ordered) {
    const { userId, anonymousId } = message;
    let target: Node;
    if (message.type === "alias" && userId !== null && message.previousId !== null) {
      target = find("userId", userId) ?? create(userId);
      const previous =
        find("userId", message.previousId) ?? find("anonymousId", message.previousId);
      if (!previous) attach("anonymousId", message.previousId, target);
      else if (previous !== target) merge(previous, target);
    } else if (userId !== null && anonymousId !== null) {
      const known = find("userId", userId);
      const anonymous = find("anonymousId", anonymousId);
      if (known && anonymous) {
        if (known !== anonymous && anonymous.userId === null) merge(anonymous, known);
        target = known;
      } else if (known) {
        attach("anonymousId", anonymousId, known);
        target = known;
      } else if (anonymous && anonymous.userId === null) {
        // The anonymous profile becomes the known one: no merge, same id.
        anonymous.userId = userId;
        if (anonymous.stored) assignments.set(anonymous, userId);
        attach("userId", userId, anonymous);
        target = anonymous;
      } else {
        target = create(userId);
        if (!anonymous) attach("anonymousId", anonymousId, target);
      }
    } else if (userId !== null) {
      target = find("userId", userId) ?? create(userId);
    } else if (anonymousId !== null) {
      target = find("anonymousId", anonymousId) ?? create(null, anonymousId);
      if (!byKey.has(keyOf("anonymousId", anonymousId))) attach("anonymousId", anonymousId, target);
    } else {
      throw new Error(`message ${message.index} has no identity`); // normalize-message rejects these
    }
    messageNode.set(message.index, target);
    if (!firstSeen.has(target)) firstSeen.set(target, message.timestamp);
    lastSeen.set(target, message.timestamp);
  }

  const profileOf = new Map<number, string>();
  const touched = new Set<string>();
  for (const [index, node] of messageNode) {
    const owner = final(node);
    profileOf.set(index, owner.id);
    if (owner.stored) touched.add(owner.id);
  }
  const storedMerges = merges
    .filter(({ from }) => from.stored)
    .map(({ from, into }) => ({ from: from.id, into: final(into).id }));
  for (const { from, into } of storedMerges) {
    touched.add(from);
    if (nodes.has(into)) touched.add(into);
  }
  for (const node of assignments.keys()) touched.add(node.id);

  // Seen-times of new profiles, over every node folded into them.
  const earliest = new Map<Node, Date>();
  const latest = new Map<Node, Date>();
  for (const [node, seen] of firstSeen) {
    const owner = final(node);
    const current = earliest.get(owner);
    if (!current || seen < current) earliest.set(owner, seen);
  }
  for (const [node, seen] of lastSeen) {
    const owner = final(node);
    const current = latest.get(owner);
    if (!current || seen > current) latest.set(owner, seen);
  }

  return {
    newProfiles: created
      .filter((node) => !node.mergedInto)
      .map((node) => {
        const firstSeenAt = earliest.get(node) ?? new Date();
        return {
          id: node.id,
          userId: node.userId,
          firstSeenAt,
          lastSeenAt: latest.get(node) ?? firstSeenAt,
        };
      }),
    newIdentities: [...addedKeys.values()].map(({ kind, value, node }) => ({
      kind,
      value,
      profileId: final(node).id,
    })),
    userIdAssignments: [...assignments]
      .filter(([node]) => !node.mergedInto)
      .map(([node, userId]) => ({ profileId: node.id, userId })),
    merges: storedMerges,
    profileOf,
    touchedProfileIds: [...touched].sort(),
  };
}

/** True when applying the plan writes nothing but the events themselves. */
export function planIsReadOnly(plan: IdentityPlan): boolean {
  return (
    plan.newProfiles.length === 0 &&
    plan.newIdentities.length === 0 &&
    plan.userIdAssignments.length === 0 &&
    plan.merges.length === 0
  );
}
