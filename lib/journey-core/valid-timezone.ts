// Profile.timezone drives send-at-local-time steps, so only names the
// runtime's tz database knows are copied there (the trait keeps any string),
// in their canonical spelling ("america/new_york" → "America/New_York").
const known = new Map<string, string | null>();

export function validTimezone(value: unknown): string | null {
  if (typeof value !== "string" || value === "" || value.length > 64) return null;
  let canonical = known.get(value);
  if (canonical === undefined) {
    try {
      canonical = new Intl.DateTimeFormat("en-US", { timeZone: value }).resolvedOptions().timeZone;
    } catch {
      canonical = null;
    }
    if (known.size < 10_000) known.set(value, canonical);
  }
  return canonical;
}
