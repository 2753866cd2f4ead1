import "server-only";
import { type RawDb, sqlTransaction } from "@/lib/db/sql";
import type { JourneyDefinition, JourneyNode } from "@/lib/journey-core/definition";
import { findTemplate } from "@/lib/journey-core/templates";
import { insertJourney } from "@/lib/journeys/journey-sql";
import { publishJourneyIn } from "@/lib/journeys/publish-journey";

// The demo workspace runs three templates live: first use of alerts, a
// stalled onboarding, and users quiet for 7 days. The demo seed publishes
// them as of the start of its history (so the history flows through them);
// the start script checks them again at every start.
//
// Acme holds out more profiles than the templates do (half of the alerts
// and onboarding entrants), so that two weeks of a few hundred users
// measure lift with an interval on Home and on each journey's page: the
// sample rule wants 30 profiles in each group (lib/analytics/lift.ts).

export interface DemoJourney {
  slug: string;
  /** Share of entrants kept out of the messages, to measure lift. */
  holdoutPercent: number;
}

export const DEMO_JOURNEYS: readonly DemoJourney[] = [
  { slug: "introduce-feature-on-first-use", holdoutPercent: 50 },
  { slug: "nudge-stalled-onboarding", holdoutPercent: 50 },
  { slug: "reengage-inactive-users", holdoutPercent: 10 },
];

const DEMO_LOCK = 4_242_011; // see sweep-inactivity.ts for the other keys

/** The definition Acme publishes for a demo journey: the template with Acme's holdout. */
export function demoJourneyDefinition(journey: DemoJourney): {
  name: string;
  definition: JourneyDefinition;
} {
  const template = findTemplate(journey.slug);
  if (!template) throw new Error(`Unknown demo journey template ${journey.slug}`);
  const { definition } = template;
  return {
    name: template.name,
    definition: {
      ...definition,
      nodes: definition.nodes.map(forAcmeApp),
      settings: { ...definition.settings, holdoutPercent: journey.holdoutPercent },
    },
  };
}

// Acme's product is the fake app at /demo (app/demo): its in-app messages
// point at that app's pages, so every one shows there. The follow-up of the
// stalled onboarding is a card, so that it lands in /demo's bell.
const ACME_PATHS: Record<string, string> = {
  "/app": "/demo",
  "/app/alerts/*": "/demo/alerts*",
};

function forAcmeApp(node: JourneyNode): JourneyNode {
  if (node.type !== "send_inapp") return node;
  const content = { ...node.content };
  if (content.pathPattern)
    content.pathPattern = ACME_PATHS[content.pathPattern] ?? content.pathPattern;
  if (content.ctaUrl?.startsWith("/app/reports")) content.ctaUrl = "/demo/reports";
  if (node.id === "nudge-banner") {
    content.kind = "card";
    delete content.pathPattern;
    return { ...node, label: "Card in the bell", content };
  }
  return { ...node, content };
}

/**
 * Creates and publishes each demo journey unless the workspace already has a
 * journey of that name (in any status, so one the operator archived stays
 * archived). Safe to call at every start and from several processes at once:
 * the check and the creation share one transaction under an advisory lock.
 * `at` backdates the creation and the first publication (the demo seed
 * passes the start of its history; default now); `journeyId` chooses ids.
 */
export async function ensureDemoJourneys(
  workspaceId: string,
  options: { at?: Date; memberId?: string | null; journeyId?: (slug: string) => string } = {},
): Promise<{ created: string[] }> {
  return sqlTransaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${DEMO_LOCK}::bigint)`;
    const created: string[] = [];
    for (const demo of DEMO_JOURNEYS) {
      const { name, definition } = demoJourneyDefinition(demo);
      if (await journeyNamed(tx, workspaceId, name)) continue;
      const journey = await insertJourney(tx, {
        workspaceId,
        name,
        draft: definition,
        at: options.at,
        id: options.journeyId?.(demo.slug),
      });
      await publishJourneyIn(tx, {
        workspaceId,
        id: journey.id,
        at: options.at,
        memberId: options.memberId ?? null,
        publish: { note: "Live for the demo: Acme's own holdout to measure lift." },
      });
      created.push(demo.slug);
    }
    return { created };
  });
}

async function journeyNamed(tx: RawDb, workspaceId: string, name: string): Promise<boolean> {
  const [exists] = await tx.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM journeys WHERE "workspaceId" = ${workspaceId} AND name = ${name}`;
  return (exists?.n ?? 0) > 0;
}
