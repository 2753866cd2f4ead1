import { prisma } from "@/lib/db/client";
import type { Member } from "@/lib/generated/prisma/client";
import type { JourneyDefinition } from "@/lib/journey-core/definition";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { publishDefinition } from "@/test/engine/engine-fixtures";

// Shared by the explainer's route tests: members with a role, and the
// route context Next passes to a handler.

export const ctx = <P>(params: P) => ({ params: Promise.resolve(params) });

export function get(path: string): Request {
  return new Request(`http://cue.test${path}`);
}

let counter = 0;

export async function createMember(label: string): Promise<Member> {
  counter += 1;
  return prisma.member.create({
    data: { email: `${label}-${counter}-${Date.now()}@explain.test`, passwordHash: "x" },
  });
}

/** A workspace owned by a new member, with the default rules switched off. */
export async function ownedWorkspace(
  name: string,
): Promise<{ workspaceId: string; owner: Member }> {
  const owner = await createMember("owner");
  const { workspaceId } = await createWorkspace({ name, ownerId: owner.id });
  await prisma.workspace.update({ where: { id: workspaceId }, data: { deliveryRules: {} } });
  return { workspaceId, owner };
}

export async function addViewer(workspaceId: string): Promise<Member> {
  const viewer = await createMember("viewer");
  await prisma.membership.create({ data: { workspaceId, memberId: viewer.id, role: "viewer" } });
  return viewer;
}

/** Trigger "Signed Up" → filter plan = free → email → delay 1 day → in-app → exit. */
export function signupJourney(): JourneyDefinition {
  return {
    version: 1,
    nodes: [
      { id: "trigger", type: "trigger", trigger: { kind: "event", event: "Signed Up" } },
      {
        id: "free-only",
        type: "filter",
        label: "Free plan only",
        condition: { all: [{ kind: "trait", path: "plan", operator: "eq", value: "free" }] },
      },
      {
        id: "welcome",
        type: "send_email",
        content: {
          subject: "Welcome, {{ profile.traits.name }}",
          preheader: "Plan: {{ profile.traits.plan }}",
          body: "Hi {{ profile.traits.name }}, you came from {{ event.source }}.",
          bodyFormat: "markdown",
          transactional: false,
        },
      },
      {
        id: "one-day",
        type: "delay",
        delay: { kind: "duration", duration: { amount: 1, unit: "days" } },
      },
      {
        id: "tip",
        type: "send_inapp",
        content: {
          kind: "card",
          title: "A tip for {{ profile.traits.name }}",
          body: "Try reports.",
        },
      },
      { id: "end", type: "exit" },
    ],
    edges: [
      { from: "trigger", to: "free-only" },
      { from: "free-only", to: "welcome" },
      { from: "welcome", to: "one-day" },
      { from: "one-day", to: "tip" },
      { from: "tip", to: "end" },
    ],
    settings: { reentry: { mode: "once" }, holdoutPercent: 0 },
  };
}

/** Publishes `definition` and back-dates the version, so a fake clock after `publishedAt` sees it live. */
export async function publishAt(
  workspaceId: string,
  name: string,
  definition: JourneyDefinition,
  publishedAt = "2026-01-01T00:00:00Z",
): Promise<string> {
  const journeyId = await publishDefinition(workspaceId, name, definition);
  await prisma.journeyVersion.updateMany({
    where: { journeyId },
    data: { publishedAt: new Date(publishedAt) },
  });
  await prisma.journeyStatusChange.updateMany({
    where: { journeyId },
    data: { at: new Date(publishedAt) },
  });
  return journeyId;
}

/** Trigger on `event` → one send → exit. */
export function oneMessageJourney(
  channel: "email" | "in_app",
  settings: Partial<JourneyDefinition["settings"]> = {},
  event = "Signed Up",
): JourneyDefinition {
  const send: JourneyDefinition["nodes"][number] =
    channel === "email"
      ? {
          id: "hello",
          type: "send_email",
          content: {
            subject: "Hello {{ profile.traits.name }}",
            preheader: "",
            body: "Hi",
            bodyFormat: "markdown",
            transactional: false,
          },
        }
      : {
          id: "hello",
          type: "send_inapp",
          content: { kind: "card", title: "Hello {{ profile.traits.name }}", body: "" },
        };
  return {
    version: 1,
    nodes: [
      { id: "trigger", type: "trigger", trigger: { kind: "event", event } },
      send,
      { id: "end", type: "exit" },
    ],
    edges: [
      { from: "trigger", to: "hello" },
      { from: "hello", to: "end" },
    ],
    settings: { reentry: { mode: "once" }, holdoutPercent: 0, ...settings },
  };
}
