import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { createTopic } from "@/lib/topics/manage-topics";
import { getProfilePreferences, setProfilePreferences } from "@/lib/topics/profile-preferences";
import { FakeClock, HOUR, profileId, send } from "@/test/engine/engine-fixtures";
import { createTestWorkspace } from "@/test/fixtures/workspace";

// When profiles merge (anonymous → identified, or alias), every topic
// preference change moves to the survivor with its time, so per topic and
// channel the most recent choice from either profile is in force.

async function anonymousProfileId(workspaceId: string, anonymousId: string): Promise<string> {
  const identity = await prisma.profileIdentity.findFirstOrThrow({
    where: { workspaceId, kind: "anonymousId", value: anonymousId },
  });
  return identity.profileId;
}

async function setup(name: string) {
  const { workspaceId } = await createTestWorkspace(name);
  await createTopic(workspaceId, {
    key: "tips",
    name: "Tips",
    description: "",
    unsubscribable: true,
  });
  return workspaceId;
}

const prefer = (
  workspaceId: string,
  pid: string,
  channel: "email" | "in_app",
  subscribed: boolean,
  at: Date,
) =>
  setProfilePreferences({
    workspaceId,
    profileId: pid,
    changes: [{ topic: "tips", channel, subscribed }],
    source: "page",
    at,
  });

describe("topic preferences on profile merge", () => {
  it("anonymous → identified: the history moves and the latest choice per channel wins", async () => {
    const ws = await setup("Merge prefs");
    const clock = new FakeClock("2026-05-04T10:00:00Z");
    await send(clock, ws, [
      { type: "track", userId: "u1", event: "Opened App" },
      { type: "track", anonymousId: "anon-1", event: "Viewed Pricing" },
    ]);
    const known = await profileId(ws, "u1");
    const anonymous = await anonymousProfileId(ws, "anon-1");
    expect(anonymous).not.toBe(known);

    // email: the known profile's later re-subscribe beats the anonymous opt-out.
    // in_app: the anonymous profile's later opt-out beats the known profile's.
    const start = clock.now().getTime();
    const t = (hours: number) => new Date(start + hours * HOUR);
    await prefer(ws, known, "email", false, t(1));
    await prefer(ws, anonymous, "email", false, t(2));
    await prefer(ws, known, "email", true, t(3));
    await prefer(ws, known, "in_app", false, t(1));
    await prefer(ws, known, "in_app", true, t(2));
    await prefer(ws, anonymous, "in_app", false, t(3));

    clock.advance(4 * HOUR);
    await send(clock, ws, [{ type: "identify", userId: "u1", anonymousId: "anon-1", traits: {} }]);

    const survivor = await profileId(ws, "u1");
    const gone = survivor === known ? anonymous : known;
    expect(await prisma.profile.count({ where: { id: gone } })).toBe(0);
    const history = await prisma.topicPreferenceChange.findMany({
      where: { workspaceId: ws, profileId: survivor },
      orderBy: [{ channel: "asc" }, { at: "asc" }],
    });
    expect(history.map((c) => [c.channel, c.subscribed, c.at.toISOString()])).toEqual([
      ["email", false, t(1).toISOString()],
      ["email", false, t(2).toISOString()],
      ["email", true, t(3).toISOString()],
      ["in_app", false, t(1).toISOString()],
      ["in_app", true, t(2).toISOString()],
      ["in_app", false, t(3).toISOString()],
    ]);
    const [tips] = await getProfilePreferences(ws, survivor);
    expect(tips?.channels).toEqual({ email: true, in_app: false });
  });

  it("alias: the previous profile's opt-out follows it into the user's profile", async () => {
    const ws = await setup("Merge prefs alias");
    const clock = new FakeClock("2026-05-04T10:00:00Z");
    await send(clock, ws, [
      { type: "identify", userId: "old-id", traits: {} },
      { type: "identify", userId: "new-id", traits: {} },
    ]);
    const old = await profileId(ws, "old-id");
    await prefer(ws, old, "email", false, clock.now());
    clock.advance(HOUR);
    await send(clock, ws, [{ type: "alias", previousId: "old-id", userId: "new-id" }]);
    const survivor = await profileId(ws, "new-id");
    expect(survivor).not.toBe(old);
    const [tips] = await getProfilePreferences(ws, survivor);
    expect(tips?.channels).toEqual({ email: false, in_app: true });
  });
});
