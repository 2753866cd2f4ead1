"use server";

import { z } from "zod";
import { ApiError } from "@/lib/api/errors";
import { type DemoRun, loadDemoActivity } from "@/lib/demo/demo-activity";
import { fastForwardDemoProfile } from "@/lib/demo/fast-forward";
import { resolveInboxProfileId } from "@/lib/inbox/authenticate-inbox-user";
import { type DemoUser, getDemoWorkspaceId, searchDemoUsers } from "@/lib/inbox/demo-inbox";
import { sendDemoMessage } from "@/lib/inbox/send-demo-message";

// The /demo page's actions. Like the page, they act on the demo workspace
// only (its people are made up): the workspace is never an input.

const userIdSchema = z.string().min(1).max(256);

const sendDemoSchema = z.object({
  userId: userIdSchema,
  kind: z.enum(["card", "banner", "modal", "tooltip"]),
});

/** "Send me a …" on /demo: delivers one sample in-app message to a demo user. */
export async function sendDemoMessageAction(input: {
  userId: string;
  kind: string;
}): Promise<{ ok: true } | { ok: false; message: string }> {
  const parsed = sendDemoSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: "Pick a demo user and a message kind." };
  try {
    await sendDemoMessage(parsed.data);
    return { ok: true };
  } catch (error) {
    console.error("[cue] demo message failed", error);
    return { ok: false, message: "The message could not be sent; see the server log." };
  }
}

/** The user picker's search: demo users by name, email or userId. */
export async function searchDemoUsersAction(query: string): Promise<DemoUser[]> {
  const parsed = z.string().max(100).safeParse(query);
  const workspaceId = await getDemoWorkspaceId();
  if (!parsed.success || !workspaceId) return [];
  return searchDemoUsers(workspaceId, parsed.data);
}

/** What Cue did for the demo user: their latest journey runs with the last decisions. */
export async function loadDemoActivityAction(userId: string): Promise<DemoRun[]> {
  const parsed = userIdSchema.safeParse(userId);
  if (!parsed.success) return [];
  return (await loadDemoActivity(parsed.data)) ?? [];
}

const fastForwardSchema = z.object({
  userId: userIdSchema,
  journeyId: z.string().min(1).max(64).optional(),
});

/** "Skip the wait": the demo user's pending timers come due now (lib/demo/fast-forward.ts). */
export async function fastForwardDemoAction(input: {
  userId: string;
  journeyId?: string;
}): Promise<{ ok: true; moved: number } | { ok: false; message: string }> {
  const parsed = fastForwardSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: "Pick a demo user first." };
  try {
    const workspaceId = await getDemoWorkspaceId();
    if (!workspaceId) return { ok: false, message: "There is no demo workspace." };
    const profileId = await resolveInboxProfileId(workspaceId, parsed.data.userId);
    if (!profileId) return { ok: false, message: "That demo user does not exist." };
    const { runs } = await fastForwardDemoProfile({
      workspaceId,
      profileId,
      journeyId: parsed.data.journeyId,
    });
    return { ok: true, moved: runs.length };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, message: error.message };
    console.error("[cue] demo fast-forward failed", error);
    return { ok: false, message: "The fast-forward failed; see the server log." };
  }
}
