import "server-only";
import { sql } from "@/lib/db/sql";

export interface TraitKey {
  key: string;
  /** JSON type of the values seen: string, number, boolean, object, array (null is skipped). */
  type: string;
}

/** How many recently seen profiles are sampled; enough to know the keys, cheap on any size. */
const SAMPLE = 500;
const MAX_KEYS = 200;

/**
 * The trait keys of the workspace's recently active profiles, most common
 * first: what the journey builder offers in conditions and Liquid variables.
 * A sample, not a census: a key only ever set on old profiles may be missing.
 */
export async function listTraitKeys(input: { workspaceId: string }): Promise<TraitKey[]> {
  const rows = await sql.$queryRaw<{ key: string; type: string }[]>`
    SELECT t.key, jsonb_typeof(t.value) AS type
    FROM (
      SELECT traits FROM profiles
      WHERE "workspaceId" = ${input.workspaceId}
      ORDER BY "lastSeenAt" DESC
      LIMIT ${SAMPLE}
    ) p, jsonb_each(CASE WHEN jsonb_typeof(p.traits) = 'object' THEN p.traits ELSE '{}'::jsonb END) t
    WHERE jsonb_typeof(t.value) <> 'null'
    GROUP BY t.key, jsonb_typeof(t.value)
    ORDER BY count(*) DESC, t.key
    LIMIT ${MAX_KEYS}`;
  // One entry per key: its most common type.
  const seen = new Set<string>();
  return rows.filter((row) => !seen.has(row.key) && seen.add(row.key));
}
