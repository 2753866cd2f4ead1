// What a sequence of verdicts does to memberships, decided in memory so that
// a batch's verdicts (many segments, many profiles, several instants each)
// are written in one statement (apply-membership.ts). Verdicts are taken in
// the order given, each against the membership the ones before it left: the
// same entries and exits, each at its own instant, as applying them one at a
// time would record. Pure: no database.

export interface SegmentRef {
  id: string;
  workspaceId: string;
  name: string;
}

export interface MembershipVerdict {
  segment: SegmentRef;
  profileId: string;
  member: boolean;
  /** The instant the verdict is for: an entry or exit is recorded at it. */
  at: Date;
  /** Only for condition segments; undefined leaves the timer as it is. */
  nextCheckAt?: Date | null;
}

export interface Transition {
  segment: SegmentRef;
  profileId: string;
  kind: "entry" | "exit";
  at: Date;
}

export interface MembershipPlan {
  /** Every entry and exit, in the verdicts' order. */
  transitions: Transition[];
  /** In at the end, by an entry of this plan (enteredAt: its last entry). */
  enter: { segment: SegmentRef; profileId: string; enteredAt: Date }[];
  /** In at the start, out at the end. */
  leave: { segment: SegmentRef; profileId: string }[];
  /** Each pair's last window check (null: none). */
  timers: { segment: SegmentRef; profileId: string; dueAt: Date | null }[];
}

export const pairKey = (segmentId: string, profileId: string) => `${segmentId}|${profileId}`;

interface PairState {
  segment: SegmentRef;
  profileId: string;
  initially: boolean;
  member: boolean;
  enteredAt: Date | null;
  timer?: Date | null;
}

/** `current`: the pairKeys of the memberships before the verdicts. */
export function planMembership(
  current: ReadonlySet<string>,
  verdicts: readonly MembershipVerdict[],
): MembershipPlan {
  const pairs = new Map<string, PairState>();
  const transitions: Transition[] = [];
  for (const verdict of verdicts) {
    const key = pairKey(verdict.segment.id, verdict.profileId);
    let pair = pairs.get(key);
    if (!pair) {
      const initially = current.has(key);
      pair = {
        segment: verdict.segment,
        profileId: verdict.profileId,
        initially,
        member: initially,
        enteredAt: null,
      };
      pairs.set(key, pair);
    }
    if (verdict.member !== pair.member) {
      const kind = verdict.member ? "entry" : "exit";
      transitions.push({ segment: pair.segment, profileId: pair.profileId, kind, at: verdict.at });
      pair.member = verdict.member;
      if (verdict.member) pair.enteredAt = verdict.at;
    }
    if (verdict.nextCheckAt !== undefined) pair.timer = verdict.nextCheckAt;
  }
  const plan: MembershipPlan = { transitions, enter: [], leave: [], timers: [] };
  for (const pair of pairs.values()) {
    const { segment, profileId } = pair;
    if (pair.member && pair.enteredAt)
      plan.enter.push({ segment, profileId, enteredAt: pair.enteredAt });
    if (!pair.member && pair.initially) plan.leave.push({ segment, profileId });
    if (pair.timer !== undefined) plan.timers.push({ segment, profileId, dueAt: pair.timer });
  }
  return plan;
}
