import "server-only";
import { readSql } from "@/lib/db/sql";
import type { AnalyticsRange } from "./analytics-range";
import type { JourneyScope } from "./load-journey-series";

// Per message (send node) of a journey, for messages created in the period:
//   created   every message row (including skipped and failed ones)
//   sent      handed to the provider or the inbox (email: sent and beyond;
//             in-app: written to the inbox)
//   outbox    email kept in the Outbox because no Resend key is set
//   delivered email: the provider confirmed delivery; in-app: in the inbox
//   opened    email: opened (or clicked); in-app: read
//   clicked   email: a link clicked; in-app: the item's call to action clicked
//   bounced   email bounced
//   unsubscribed  profiles who unsubscribed in the period whose last email
//             before unsubscribing was this one
//   skipped / failed  not sent (a delivery rule, a provider error)
// The status only moves forward (lib/channels/email/webhook-events.ts), so a
// clicked email also counts as delivered and opened.
// Indexes: messages (journeyId, createdAt); inbox_items (messageId);
// profiles (workspaceId, unsubscribedAt) + messages (workspaceId, profileId, createdAt).

export interface MessageDelivery {
  nodeId: string;
  channel: "email" | "in_app";
  created: number;
  sent: number;
  outbox: number;
  delivered: number;
  opened: number;
  clicked: number;
  bounced: number;
  unsubscribed: number;
  skipped: number;
  failed: number;
}

type Row = Omit<MessageDelivery, "unsubscribed">;

export async function loadMessageDelivery(
  scope: JourneyScope,
  range: AnalyticsRange,
): Promise<MessageDelivery[]> {
  const version = scope.versionId;
  const [rows, unsubscribes] = await Promise.all([
    readSql.$queryRaw<Row[]>`
      SELECT m."nodeId", m.channel::text AS channel,
        count(*)::int AS created,
        count(*) FILTER (WHERE m.status IN ('sent', 'delivery_delayed', 'delivered', 'opened',
          'clicked', 'bounced', 'complained', 'seen', 'read', 'archived'))::int AS sent,
        count(*) FILTER (WHERE m.status = 'outbox')::int AS outbox,
        count(*) FILTER (WHERE m.status IN ('delivered', 'opened', 'clicked', 'complained')
          OR (m.channel = 'in_app' AND i.id IS NOT NULL))::int AS delivered,
        count(*) FILTER (WHERE m.status IN ('opened', 'clicked') OR i."readAt" IS NOT NULL)::int AS opened,
        count(*) FILTER (WHERE m.status = 'clicked' OR i."clickedAt" IS NOT NULL)::int AS clicked,
        count(*) FILTER (WHERE m.status = 'bounced')::int AS bounced,
        count(*) FILTER (WHERE m.status = 'skipped')::int AS skipped,
        count(*) FILTER (WHERE m.status = 'failed')::int AS failed
      FROM messages m
      LEFT JOIN inbox_items i ON i."messageId" = m.id
      WHERE m."journeyId" = ${scope.journeyId} AND m."workspaceId" = ${scope.workspaceId}
        AND m."createdAt" >= ${range.from}::timestamp(3) AND m."createdAt" < ${range.to}::timestamp(3)
        AND (${version}::text IS NULL OR EXISTS (
          SELECT 1 FROM journey_runs r WHERE r.id = m."runId" AND r."versionId" = ${version}))
      GROUP BY 1, 2
      ORDER BY 1, 2`,
    readSql.$queryRaw<{ nodeId: string; n: number }[]>`
      SELECT last."nodeId", count(*)::int AS n
      FROM profiles p
      CROSS JOIN LATERAL (
        SELECT m."journeyId", m."nodeId", m."runId" FROM messages m
        WHERE m."workspaceId" = p."workspaceId" AND m."profileId" = p.id
          AND m.channel = 'email' AND m."createdAt" <= p."unsubscribedAt"
        ORDER BY m."createdAt" DESC LIMIT 1
      ) last
      WHERE p."workspaceId" = ${scope.workspaceId}
        AND p."unsubscribedAt" >= ${range.from}::timestamp(3)
        AND p."unsubscribedAt" < ${range.to}::timestamp(3)
        AND last."journeyId" = ${scope.journeyId}
        AND (${version}::text IS NULL OR EXISTS (
          SELECT 1 FROM journey_runs r WHERE r.id = last."runId" AND r."versionId" = ${version}))
      GROUP BY 1`,
  ]);
  const unsubscribed = new Map(unsubscribes.map((u) => [u.nodeId, u.n]));
  return rows.map((row) => ({ ...row, unsubscribed: unsubscribed.get(row.nodeId) ?? 0 }));
}
