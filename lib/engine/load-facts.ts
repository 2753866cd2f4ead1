import type { Prisma } from "@/lib/generated/prisma/client";
import type { WorkspaceDeliveryRules } from "@/lib/journeys/delivery-rules";
import type { Channel, ProfileFacts, SentMessage } from "@/lib/journeys/facts";
import { parseStoredRules } from "./workspace-delivery-rules";

// The facts the core decides on, loaded for a whole batch of profiles at once.

type Tx = Prisma.TransactionClient;

export interface ProfileRef {
  workspaceId: string;
  profileId: string;
}

const HOUR = 3_600_000;

export async function loadProfileFacts(
  tx: Tx,
  refs: readonly ProfileRef[],
): Promise<Map<string, ProfileFacts>> {
  if (refs.length === 0) return new Map();
  const rows = await tx.$queryRaw<
    {
      id: string;
      traits: Prisma.JsonValue;
      firstSeenAt: Date;
      lastSeenAt: Date;
      timezone: string | null;
      email: string | null;
      unsubscribed: boolean;
      suppressed: boolean;
    }[]
  >`
    SELECT p.id::text AS id, p.traits, p."firstSeenAt", p."lastSeenAt", p.timezone, p.email,
           p."unsubscribedAt" IS NOT NULL AS unsubscribed,
           (p.email IS NOT NULL AND EXISTS (
              SELECT 1 FROM suppressions s
              WHERE s."workspaceId" = p."workspaceId" AND s.email = lower(trim(p.email)))) AS suppressed
    FROM profiles p
    JOIN unnest(${refs.map((r) => r.workspaceId)}::text[], ${refs.map((r) => r.profileId)}::uuid[])
      AS ref(ws, pid) ON p."workspaceId" = ref.ws AND p.id = ref.pid`;
  return new Map(
    rows.map((row) => [
      row.id,
      {
        id: row.id,
        traits: asRecord(row.traits),
        firstSeenAt: row.firstSeenAt,
        lastSeenAt: row.lastSeenAt,
        timezone: row.timezone,
        email: row.email,
        unsubscribed: row.unsubscribed,
        suppressed: row.suppressed,
      },
    ]),
  );
}

export async function loadDeliveryRules(
  tx: Tx,
  workspaceIds: readonly string[],
  log: (line: string) => void = () => {},
): Promise<Map<string, WorkspaceDeliveryRules>> {
  if (workspaceIds.length === 0) return new Map();
  const rows = await tx.$queryRaw<{ id: string; deliveryRules: Prisma.JsonValue }[]>`
    SELECT id, "deliveryRules" FROM workspaces WHERE id = ANY(${[...new Set(workspaceIds)]}::text[])`;
  return new Map(
    rows.map((row) => [
      row.id,
      parseStoredRules(row.deliveryRules, (problem) =>
        log(
          `engine: workspace ${row.id} has invalid delivery rules (${problem}); using the default`,
        ),
      ),
    ]),
  );
}

/**
 * Each profile's sends inside the widest frequency window among their
 * workspaces: every journey and API message that went out or is on its way
 * (skipped and failed ones never reached anybody; test sends are not
 * marketing). `createdAt` is when the engine decided to send.
 */
export async function loadRecentSends(
  tx: Tx,
  refs: readonly ProfileRef[],
  rules: ReadonlyMap<string, WorkspaceDeliveryRules>,
  now: Date,
): Promise<Map<string, SentMessage[]>> {
  const out = new Map<string, SentMessage[]>(refs.map((r) => [r.profileId, []]));
  const windowHours = Math.max(0, ...[...rules.values()].map((r) => r.frequency?.windowHours ?? 0));
  if (refs.length === 0 || windowHours === 0) return out;
  const since = new Date(now.getTime() - windowHours * HOUR);
  const rows = await tx.$queryRaw<
    { profileId: string; at: Date; channel: Channel; transactional: boolean }[]
  >`
    SELECT m."profileId"::text AS "profileId", m."createdAt" AS at, m.channel::text AS channel, m.transactional
    FROM messages m
    JOIN unnest(${refs.map((r) => r.workspaceId)}::text[], ${refs.map((r) => r.profileId)}::uuid[])
      AS ref(ws, pid) ON m."workspaceId" = ref.ws AND m."profileId" = ref.pid
    WHERE m."createdAt" > ${since}::timestamp(3) AND m."createdAt" <= ${now}::timestamp(3)
      AND m.source <> 'test' AND m.status NOT IN ('skipped', 'failed')`;
  for (const row of rows) {
    out
      .get(row.profileId)
      ?.push({ at: row.at, channel: row.channel, transactional: row.transactional });
  }
  return out;
}

export function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
