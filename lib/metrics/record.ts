import { metrics } from "./metrics";

// What the hot paths call to count their work: one line at each place work
// happens (ingestion's answer, the engine's batch, the provider call, the
// delivery outcome). Cheap, synchronous, and never throws into the caller.

/** A tracking API answer, and what its calls became when it was read. */
export function recordIngest(
  status: number,
  result?: { accepted: number; duplicates: number; rejected: readonly unknown[] },
): void {
  const m = metrics();
  m.ingestRequests.inc({ status: String(status) });
  if (!result) return;
  if (result.accepted > 0) m.ingestEvents.inc({ outcome: "accepted" }, result.accepted);
  if (result.duplicates > 0) m.ingestEvents.inc({ outcome: "duplicate" }, result.duplicates);
  if (result.rejected.length > 0)
    m.ingestEvents.inc({ outcome: "rejected" }, result.rejected.length);
}

/** Events the engine evaluated, by when the tracking API accepted them (wall clock). */
export function recordEngineEvaluated(
  receivedAt: readonly (Date | null)[],
  now = Date.now(),
): void {
  const m = metrics();
  m.engineEvents.inc(receivedAt.length);
  for (const at of receivedAt) {
    if (at) m.engineLag.observe(Math.max(0, (now - at.getTime()) / 1000));
  }
}

/** The status label of a provider answer: its HTTP status, `timeout`, or `error` (none). */
export function providerStatusLabel(answer: {
  error: { statusCode?: number | null } | null;
  timedOut?: boolean;
}): string {
  if (answer.timedOut) return "timeout";
  if (!answer.error) return "200";
  return answer.error.statusCode ? String(answer.error.statusCode) : "error";
}

/** One provider request, from `startedAt` (performance.now()) to its answer. */
export function recordProviderCall(
  answer: { error: { statusCode?: number | null } | null; timedOut?: boolean },
  startedAt: number,
): void {
  metrics().providerRequests.observe(
    { status: providerStatusLabel(answer) },
    (performance.now() - startedAt) / 1000,
  );
}

/** The result of one delivery attempt (sent, retried, failed, skipped, outbox). */
export function recordEmailDelivery(result: string): void {
  metrics().emailDeliveries.inc({ result });
}
