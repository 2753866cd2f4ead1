// The workspaces bench:engine measures in: created per run, dropped with
// every row they got. Imported once DATABASE_URL is final.
import { prisma } from "@/lib/db/client";
import { sql } from "@/lib/db/sql";
import { Prisma } from "@/lib/generated/prisma/client";
import { generateInboxSigningSecret } from "@/lib/inbox/inbox-signing-secret";
import type { JourneyDefinitionInput } from "@/lib/journey-core/definition";
import { createJourney } from "@/lib/journeys/create-journey";
import { publishJourney } from "@/lib/journeys/publish-journey";
import { generateKey, newWorkspaceKeys } from "@/lib/workspaces/api-keys";

/** The helpers, with workspace names suffixed by this run's id. */
export function benchWorkspaces(run: string) {
  async function benchWorkspace(name: string) {
    const writeKey = generateKey("write");
    const secretKey = generateKey("secret");
    const inboxSecret = generateInboxSigningSecret();
    const workspace = await prisma.workspace.create({
      data: {
        name: `${name} ${run}`,
        deliveryRules: {},
        apiKeys: { create: newWorkspaceKeys({ writeKey, secretKey }) },
        inboxSigningSecret: { create: { secret: inboxSecret } },
      },
    });
    return { workspaceId: workspace.id, writeKey, secretKey, inboxSecret };
  }

  async function publish(workspaceId: string, name: string, definition: JourneyDefinitionInput) {
    const journey = await createJourney({
      workspaceId,
      journey: { name, definition: definition as Record<string, unknown> },
    });
    const live = await publishJourney({ workspaceId, id: journey.id });
    return { journeyId: journey.id, versionId: live.currentVersion?.id as string };
  }

  async function dropWorkspace(workspaceId: string) {
    for (const table of [
      "run_traces",
      "journey_runs",
      "inbox_items",
      "engine_queue",
      "inactivity_fires",
      "events",
    ]) {
      await sql.$executeRaw`DELETE FROM ${Prisma.raw(table)} WHERE "workspaceId" = ${workspaceId}`;
    }
    await sql.$executeRaw`DELETE FROM message_events e USING messages m WHERE e."messageId" = m.id AND m."workspaceId" = ${workspaceId}`;
    await prisma.message.deleteMany({ where: { workspaceId } });
    await prisma.profile.deleteMany({ where: { workspaceId } });
    await prisma.journey.deleteMany({ where: { workspaceId } });
    await prisma.journeyTrigger.deleteMany({ where: { workspaceId } });
    await prisma.inactivitySweep.deleteMany({ where: { workspaceId } });
    await prisma.workspace.delete({ where: { id: workspaceId } });
  }

  return { benchWorkspace, publish, dropWorkspace };
}
