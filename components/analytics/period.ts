// The period (whole UTC days, both ends included) every analytics view takes.
// Plain module: the server pages and the client pickers both use it.

export interface Period {
  from: string;
  to: string;
}

/** The last `days` UTC days, today included, as YYYY-MM-DD. */
export function lastDays(days: number, now = new Date()): Period {
  const today = now.toISOString().slice(0, 10);
  const from = new Date(Date.parse(today) - (days - 1) * 86_400_000).toISOString().slice(0, 10);
  return { from, to: today };
}
