import "server-only";
import { readPrisma } from "@/lib/db/client";

export interface CatalogProperty {
  key: string;
  /** JSON type of the latest non-null value seen: string, number, boolean, object, array. */
  type: string;
}

export interface CatalogEvent {
  /** Track event name, or "page" / "screen" for those calls. */
  name: string;
  properties: CatalogProperty[];
  count: number;
  lastSeenAt: string;
}

export interface Catalog {
  events: CatalogEvent[];
  /** More names exist than MAX_NAMES; the most recently seen are listed. */
  truncated: boolean;
}

const MAX_NAMES = 1_000;

/**
 * The event names and property keys seen so far, for the Events page and
 * the journey builder's pickers: sorted by name, properties by key.
 */
export async function listCatalog(input: { workspaceId: string }): Promise<Catalog> {
  const rows = await readPrisma.eventCatalog.findMany({
    where: { workspaceId: input.workspaceId },
    orderBy: { lastSeenAt: "desc" },
    take: MAX_NAMES + 1,
  });
  const events = rows
    .slice(0, MAX_NAMES)
    .map((row) => ({
      name: row.name,
      properties: propertyList(row.propertyKeys),
      // A count beyond 2^53 is not a concern for an admin page.
      count: Number(row.count),
      lastSeenAt: row.lastSeenAt.toISOString(),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return { events, truncated: rows.length > MAX_NAMES };
}

function propertyList(keys: unknown): CatalogProperty[] {
  if (keys === null || typeof keys !== "object" || Array.isArray(keys)) return [];
  return Object.entries(keys as Record<string, unknown>)
    .map(([key, type]) => ({ key, type: typeof type === "string" ? type : "unknown" }))
    .sort((a, b) => a.key.localeCompare(b.key));
}
