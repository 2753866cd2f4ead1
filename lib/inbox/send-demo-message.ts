import "server-only";
import { randomUUID } from "node:crypto";
import { ApiError } from "@/lib/api/errors";
import type { InAppKind } from "@/lib/channels/in-app/rendered-in-app";
import type { InAppContent } from "@/lib/channels/message-content";
import { enqueueMessage } from "@/lib/channels/send-message";
import { sqlTransaction } from "@/lib/db/sql";
import { resolveInboxProfileId } from "./authenticate-inbox-user";
import { getDemoWorkspaceId } from "./demo-inbox";

// "Send me a …" on /demo: one in-app message through the real sending path
// (render, Message row, deliverInApp, NOTIFY), to a demo user only.

const SAMPLES: Record<InAppKind, InAppContent> = {
  card: {
    kind: "card",
    title: "Your weekly report is ready",
    body: "Signups are **up 12%** this week. [Open the report](/demo/reports) to see which channels grew.",
    ctaLabel: "View report",
    ctaUrl: "/demo/reports",
  },
  banner: {
    kind: "banner",
    title: "Scheduled maintenance",
    body: "Dashboards will be read-only on Sunday from 02:00 to 03:00 UTC.",
    expiresInHours: 24,
  },
  modal: {
    kind: "modal",
    title: "New: shared dashboards",
    body: "Invite your team to a dashboard and *comment* on any chart.\n\n- Live cursors\n- Comment threads",
    ctaLabel: "Share a dashboard",
    ctaUrl: "/demo",
  },
  tooltip: {
    kind: "tooltip",
    title: "Create your first report",
    body: "Pick a metric, a time range, and you are done.",
    selector: "#create-report",
    pathPattern: "/demo/reports*",
  },
};

export async function sendDemoMessage(input: { userId: string; kind: InAppKind }): Promise<void> {
  const workspaceId = await getDemoWorkspaceId();
  if (!workspaceId) throw new ApiError("not_found", "There is no demo workspace.");
  const profileId = await resolveInboxProfileId(workspaceId, input.userId);
  if (!profileId) throw new ApiError("not_found", "That demo user does not exist.");
  await sqlTransaction((tx) =>
    enqueueMessage(tx, {
      workspaceId,
      profileId,
      content: { channel: "in_app", inApp: SAMPLES[input.kind] },
      idempotencyKey: `demo:${randomUUID()}`,
      source: "test",
    }),
  );
}
