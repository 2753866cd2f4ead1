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
