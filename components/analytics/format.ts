// Number formats shared by the analytics pages.

export const formatCount = (n: number) => n.toLocaleString("en-US");

export function formatRate(rate: number | null): string {
  return rate === null ? "—" : `${(rate * 100).toFixed(1)}%`;
}

/** A difference of rates, in percentage points, signed. */
export function formatPoints(value: number | null): string {
  if (value === null) return "—";
  const pts = (value * 100).toFixed(1);
  return `${value >= 0 ? "+" : ""}${pts} pts`;
}

export function formatDuration(seconds: number | null): string {
  if (seconds === null) return "—";
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  if (seconds < 86_400) return `${(seconds / 3600).toFixed(1)} h`;
  return `${(seconds / 86_400).toFixed(1)} d`;
}
