import "server-only";
import { sqlTransaction } from "@/lib/db/sql";
import { JOURNEY_TEMPLATES } from "@/lib/journey-core/templates";
import { insertJourney } from "@/lib/journeys/journey-sql";
import { publishJourneyIn } from "@/lib/journeys/publish-journey";

// The demo workspace runs the first three templates live: first use of
// alerts, a stalled onboarding, and users quiet for 7 days (the inactivity
// sweep finds the demo's lapsed users on its first round).

const DEMO_TEMPLATE_COUNT = 3;
const DEMO_LOCK = 4_242_011; // see sweep-inactivity.ts for the other keys

/**
 * Creates and publishes each demo journey unless the workspace already has a
 * journey of that name (in any status, so one the operator archived stays
 * archived). Safe to call at every start and from several processes at once:
 * the check and the creation share one transaction under an advisory lock.
 */
export async function ensureDemoJourneys(workspaceId: string): Promise<{ created: string[] }> {
  return sqlTransaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${DEMO_LOCK}::bigint)`;
    const created: string[] = [];
    for (const template of JOURNEY_TEMPLATES.slice(0, DEMO_TEMPLATE_COUNT)) {
      const [exists] = await tx.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM journeys
        WHERE "workspaceId" = ${workspaceId} AND name = ${template.name}`;
      if ((exists?.n ?? 0) > 0) continue;
      const journey = await insertJourney(tx, {
        workspaceId,
        name: template.name,
        draft: template.definition,
      });
      await publishJourneyIn(tx, { workspaceId, id: journey.id });
      created.push(template.slug);
    }
    return { created };
  });
}
