import type { RawDb } from "./db";
import type { NormalizedMessage } from "./types";

// The event catalog feeds the journey builder's pickers: which events exist
// and which properties they carry. Track calls are catalogued under their
// event name; page and screen calls under "page" and "screen" (their own
// names, like "Pricing", are page names rather than event kinds, and a
// trigger on "any page view" is what the builder offers). identify, group and
// alias calls are not events a journey waits for and are not catalogued.

export type JsonType = "string" | "number" | "boolean" | "object" | "array";

export interface CatalogEntry {
  name: string;
  /** Property key → JSON type of the latest non-null value in the batch. */
  keys: Record<string, JsonType>;
}

export function catalogName(message: Pick<NormalizedMessage, "type" | "name">): string | null {
  switch (message.type) {
    case "track":
      return message.name;
    case "page":
    case "screen":
      return message.type;
    case "identify":
    case "group":
    case "alias":
      return null;
    default: {
      const unreachable: never = message.type;
      return unreachable;
    }
  }
}

export function jsonType(value: unknown): JsonType | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return "array";
  switch (typeof value) {
    case "string":
      return "string";
    case "number":
    case "bigint":
      return "number";
    case "boolean":
      return "boolean";
    case "object":
      return "object";
    default:
      return null;
  }
}

/**
 * Top-level property keys and types per catalog name (pure). The SQL in
 * insert-events.ts merges them into event_catalog for the calls actually
 * inserted, so a retried batch does not count twice.
 */
export function collectCatalogEntries(messages: readonly NormalizedMessage[]): CatalogEntry[] {
  const entries = new Map<string, Record<string, JsonType>>();
  for (const message of messages) {
    const name = catalogName(message);
    if (name === null) continue;
    let keys = entries.get(name);
    if (!keys) {
      keys = {};
      entries.set(name, keys);
    }
    for (const [key, value] of Object.entries(message.properties)) {
      const type = jsonType(value);
      if (type) keys[key] = type;
    }
  }
  return [...entries].map(([name, keys]) => ({ name, keys }));
}

/** New events per catalog name in one write, as returned by writeEvents. */
export interface CatalogCount {
  name: string;
  count: number;
  lastSeenAt: string;
}

/**
 * Adds a write's new events to event_catalog, after the events committed and
 * outside their transaction, with synchronous_commit off. Every batch of a
 * workspace updates the same few catalog rows; inside the events' transaction
 * each batch would hold those row locks through the WAL flush and all batches
 * would queue behind one another (~200 per second at a 5 ms fsync). The
 * catalog is a picker aid: a crash can lose its last few increments, never an
 * event. A failure here is logged, not returned to the client (the events
 * are stored; a retry would only be skipped as duplicates).
 */
export async function updateCatalog(
  db: RawDb,
  workspaceId: string,
  messages: readonly NormalizedMessage[],
  counts: readonly CatalogCount[],
): Promise<void> {
  if (counts.length === 0) return;
  const keys = new Map(collectCatalogEntries(messages).map((entry) => [entry.name, entry.keys]));
  const rows = JSON.stringify(
    counts.map((c) => ({ ...c, keys: keys.get(c.name) ?? {} })),
  );
  try {
    await db.$queryRaw`
      WITH async_commit AS MATERIALIZED (
        SELECT set_config('synchronous_commit', 'off', true)
      )
      INSERT INTO event_catalog AS c ("workspaceId", name, "propertyKeys", count, "lastSeenAt")
      SELECT ${workspaceId}, r.name, r.keys, r.count, r."lastSeenAt"
      FROM jsonb_to_recordset(${rows}::jsonb)
        AS r(name text, keys jsonb, count int, "lastSeenAt" timestamp(3)), async_commit
      ORDER BY r.name
      ON CONFLICT ("workspaceId", name) DO UPDATE SET
        "propertyKeys" = c."propertyKeys" || excluded."propertyKeys",
        count = c.count + excluded.count,
        "lastSeenAt" = greatest(c."lastSeenAt", excluded."lastSeenAt")
      RETURNING 1`;
  } catch (error) {
    console.error("[cue] event catalog update failed", { workspaceId, error });
  }
}
