// A few traits for a row of the Users table (pure): the list never ships a
// profile's whole trait object, which can be tens of kilobytes.

export interface TraitPreview {
  /** Up to MAX_KEYS `[key, value as text]`, value cut at MAX_CHARS. */
  shown: [string, string][];
  /** How many other trait keys the profile has. */
  more: number;
}

const MAX_KEYS = 3;
const MAX_CHARS = 40;
// Already shown in their own column.
const SKIP = new Set(["name", "firstName", "lastName", "first_name", "last_name", "email"]);

export function traitPreview(traits: Record<string, unknown>): TraitPreview {
  const keys = Object.keys(traits).filter((key) => !SKIP.has(key));
  const shown = keys
    .slice(0, MAX_KEYS)
    .map((key): [string, string] => [key, truncate(valueText(traits[key]))]);
  return { shown, more: keys.length - shown.length };
}

function valueText(value: unknown): string {
  if (typeof value === "string") return value;
  if (value === null || value === undefined) return "null";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

function truncate(text: string): string {
  return text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS - 1)}…` : text;
}
