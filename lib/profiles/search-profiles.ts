import "server-only";
import { z } from "zod";
import { readSql } from "@/lib/db/sql";
import { decodeCursor, encodeCursor } from "@/lib/events/keyset-cursor";
import { Prisma } from "@/lib/generated/prisma/client";
import { displayName } from "./display-name";
import { escapeLike, parseProfileSearch, type SearchTerm } from "./parse-profile-search";
import { type TraitPreview, traitPreview } from "./trait-preview";

export const searchProfilesQuerySchema = z.object({
  /** Free text and `key:value` terms, see parse-profile-search.ts. */
  q: z.string().trim().max(500).default(""),
  /** Last seen within this many days. */
  seenWithinDays: z.coerce.number().int().min(1).max(3650).optional(),
  /** true: has an email; false: has none. */
  hasEmail: z.stringbool().optional(),
  subscription: z.enum(["subscribed", "unsubscribed"]).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().min(1).optional(),
});
export type SearchProfilesQuery = z.output<typeof searchProfilesQuerySchema>;

export interface ProfileListItem {
  id: string;
  userId: string | null;
  /** The most recent anonymousId, for profiles known only by one. */
  anonymousId: string | null;
  email: string | null;
  /** traits.name, or first + last name. */
  name: string | null;
  traits: TraitPreview;
  firstSeenAt: string;
  lastSeenAt: string;
  unsubscribed: boolean;
}

export interface ProfileSearchPage {
  profiles: ProfileListItem[];
  nextCursor: string | null;
  /** Matches, counted on the first page only (null on later pages), capped at TOTAL_CAP. */
  total: number | null;
  totalCapped: boolean;
}

const TOTAL_CAP = 10_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Row {
  id: string;
  userId: string | null;
  anonymousId: string | null;
  email: string | null;
  traits: unknown;
  firstSeenAt: Date;
  lastSeenAt: Date;
  unsubscribedAt: Date | null;
}

/**
 * Profiles of one workspace matching the Users search, most recently seen
 * first, with keyset pagination on (lastSeenAt, id).
 *
 * Free text scans the workspace's profiles: it matches email, userId and
 * anonymousIds (via profile_identities) and the top-level trait values
 * (jsonb_each_text, so keys and JSON punctuation never match; a nested
 * object's value matches on its JSON text). That is fine for an admin
 * search over up to a few hundred thousand profiles; beyond that it wants a
 * pg_trgm index. `key:value` terms and exact ids use equality.
 */
export async function searchProfiles(input: {
  workspaceId: string;
  query: SearchProfilesQuery;
  now?: Date;
}): Promise<ProfileSearchPage> {
  const { workspaceId, query } = input;
  const where = Prisma.join(conditions(workspaceId, query, input.now ?? new Date()), " AND ");
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const keyset = after
    ? Prisma.sql`AND (p."lastSeenAt", p.id) < (${after.at.toISOString()}::timestamp(3), ${after.id}::uuid)`
    : Prisma.empty;

  const rows = await readSql.$queryRaw<Row[]>`
    SELECT p.id::text AS id, p."userId", p.email, p.traits, p."firstSeenAt", p."lastSeenAt", p."unsubscribedAt",
      (SELECT i.value FROM profile_identities i
        WHERE i."workspaceId" = p."workspaceId" AND i."profileId" = p.id AND i.kind = 'anonymousId'
        ORDER BY i."createdAt" DESC LIMIT 1) AS "anonymousId"
    FROM profiles p
    WHERE ${where} ${keyset}
    ORDER BY p."lastSeenAt" DESC, p.id DESC
    LIMIT ${query.limit + 1}`;

  let total: number | null = null;
  if (!after) {
    const [counted] = await readSql.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM (SELECT 1 FROM profiles p WHERE ${where} LIMIT ${TOTAL_CAP + 1}) matched`;
    total = Math.min(counted?.n ?? 0, TOTAL_CAP);
  }

  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    profiles: page.map(toListItem),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last.lastSeenAt, last.id) : null,
    total,
    totalCapped: total === TOTAL_CAP,
  };
}

function conditions(workspaceId: string, query: SearchProfilesQuery, now: Date): Prisma.Sql[] {
  const parts = [Prisma.sql`p."workspaceId" = ${workspaceId}`];
  const { text, terms } = parseProfileSearch(query.q);
  if (text) parts.push(freeText(text));
  for (const term of terms) parts.push(termCondition(term));
  if (query.seenWithinDays !== undefined) {
    const since = new Date(now.getTime() - query.seenWithinDays * 86_400_000);
    parts.push(Prisma.sql`p."lastSeenAt" >= ${since.toISOString()}::timestamp(3)`);
  }
  if (query.hasEmail === true) parts.push(Prisma.sql`p.email IS NOT NULL`);
  if (query.hasEmail === false) parts.push(Prisma.sql`p.email IS NULL`);
  if (query.subscription === "subscribed") parts.push(Prisma.sql`p."unsubscribedAt" IS NULL`);
  if (query.subscription === "unsubscribed") parts.push(Prisma.sql`p."unsubscribedAt" IS NOT NULL`);
  return parts;
}

function freeText(text: string): Prisma.Sql {
  const pattern = `%${escapeLike(text)}%`;
  const byId = UUID.test(text) ? Prisma.sql`p.id = ${text}::uuid OR` : Prisma.empty;
  return Prisma.sql`(${byId}
    p.email ILIKE ${pattern}
    OR EXISTS (SELECT 1 FROM profile_identities i
      WHERE i."workspaceId" = p."workspaceId" AND i."profileId" = p.id AND i.value ILIKE ${pattern})
    OR EXISTS (SELECT 1 FROM jsonb_each_text(
      CASE WHEN jsonb_typeof(p.traits) = 'object' THEN p.traits ELSE '{}'::jsonb END) t
      WHERE t.value ILIKE ${pattern}))`;
}

function termCondition(term: SearchTerm): Prisma.Sql {
  switch (term.kind) {
    case "email":
      return Prisma.sql`p.email ILIKE ${`%${escapeLike(term.value)}%`}`;
    case "userId":
    case "anonymousId":
      // Literal kinds: the column is the IdentityKind enum.
      return Prisma.sql`EXISTS (SELECT 1 FROM profile_identities i
        WHERE i."workspaceId" = p."workspaceId" AND i."profileId" = p.id
          AND i.kind = ${Prisma.raw(term.kind === "userId" ? "'userId'" : "'anonymousId'")}
          AND i.value = ${term.value})`;
    case "profileId":
      return UUID.test(term.value) ? Prisma.sql`p.id = ${term.value}::uuid` : Prisma.sql`FALSE`;
    case "trait": {
      const path = Prisma.join(term.path.map((key) => Prisma.sql`${key}`));
      return Prisma.sql`(p.traits #>> ARRAY[${path}]::text[]) ILIKE ${escapeLike(term.value)}`;
    }
    default: {
      const unreachable: never = term;
      return unreachable;
    }
  }
}

function toListItem(row: Row): ProfileListItem {
  const traits = isObject(row.traits) ? row.traits : {};
  return {
    id: row.id,
    userId: row.userId,
    anonymousId: row.anonymousId,
    email: row.email,
    name: displayName(traits),
    traits: traitPreview(traits),
    firstSeenAt: new Date(row.firstSeenAt).toISOString(),
    lastSeenAt: new Date(row.lastSeenAt).toISOString(),
    unsubscribed: row.unsubscribedAt !== null,
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
