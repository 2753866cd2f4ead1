import { describe, expect, it } from "vitest";
import { type MembershipVerdict, pairKey, planMembership } from "./membership-plan";

const seg = { id: "s1", workspaceId: "w1", name: "Trials" };
const other = { id: "s2", workspaceId: "w1", name: "Viewers" };
const at = (iso: string) => new Date(`2026-03-01T${iso}Z`);
const verdict = (
  segment: typeof seg,
  profileId: string,
  member: boolean,
  time: string,
  nextCheckAt?: Date | null,
): MembershipVerdict => ({ segment, profileId, member, at: at(time), nextCheckAt });

describe("planMembership", () => {
  it("records each transition at its own instant, in the verdicts' order", () => {
    const plan = planMembership(new Set(), [
      verdict(seg, "p1", true, "10:00:00"),
      verdict(seg, "p1", true, "10:05:00"),
      verdict(other, "p1", true, "10:05:00"),
      verdict(seg, "p1", false, "11:00:00"),
      verdict(seg, "p1", true, "12:00:00"),
    ]);
    expect(plan.transitions.map((t) => [t.segment.id, t.kind, t.at.toISOString()])).toEqual([
      ["s1", "entry", "2026-03-01T10:00:00.000Z"],
      ["s2", "entry", "2026-03-01T10:05:00.000Z"],
      ["s1", "exit", "2026-03-01T11:00:00.000Z"],
      ["s1", "entry", "2026-03-01T12:00:00.000Z"],
    ]);
    // In at the end, entered at the last entry.
    expect(plan.enter.map((e) => [e.segment.id, e.enteredAt.toISOString()])).toEqual([
      ["s1", "2026-03-01T12:00:00.000Z"],
      ["s2", "2026-03-01T10:05:00.000Z"],
    ]);
    expect(plan.leave).toEqual([]);
  });

  it("starts from the current memberships: no entry for a member, an exit leaves", () => {
    const current = new Set([pairKey("s1", "p1"), pairKey("s1", "p2")]);
    const plan = planMembership(current, [
      verdict(seg, "p1", true, "10:00:00"),
      verdict(seg, "p2", false, "10:00:00"),
      verdict(seg, "p3", false, "10:00:00"),
    ]);
    expect(plan.transitions.map((t) => [t.profileId, t.kind])).toEqual([["p2", "exit"]]);
    expect(plan.enter).toEqual([]);
    expect(plan.leave.map((l) => l.profileId)).toEqual(["p2"]);
  });

  it("a member who leaves and comes back in one batch is re-entered, not left", () => {
    const plan = planMembership(new Set([pairKey("s1", "p1")]), [
      verdict(seg, "p1", false, "10:00:00"),
      verdict(seg, "p1", true, "10:30:00"),
    ]);
    expect(plan.transitions.map((t) => t.kind)).toEqual(["exit", "entry"]);
    expect(plan.leave).toEqual([]);
    expect(plan.enter.map((e) => e.enteredAt.toISOString())).toEqual(["2026-03-01T10:30:00.000Z"]);
  });

  it("keeps each pair's last window check; undefined leaves the timer alone", () => {
    const due = at("18:00:00");
    const plan = planMembership(new Set(), [
      verdict(seg, "p1", true, "10:00:00", at("17:00:00")),
      verdict(seg, "p1", true, "11:00:00", due),
      verdict(seg, "p2", false, "11:00:00", null),
      verdict(seg, "p3", true, "11:00:00"),
    ]);
    expect(plan.timers.map((t) => [t.profileId, t.dueAt?.toISOString() ?? null])).toEqual([
      ["p1", due.toISOString()],
      ["p2", null],
    ]);
  });
});
