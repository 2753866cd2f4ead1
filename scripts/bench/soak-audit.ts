// bench:soak's final count of lost and duplicated email (pure): what the
// load had accepted, what Cue's messages say, and what the fake provider
// actually delivered. Every email of the soak's journey has the trigger's
// number in its subject ("Soak email 123"), so a delivery can be tied back to
// the /track that caused it, whichever message or key carried it.

/** Statuses that mean the provider took the email. */
const SENT = new Set(["sent", "delivered", "opened", "clicked"]);

export interface AuditInput {
  /** The numbers of the email triggers Cue accepted (answered 2xx). */
  accepted: number[];
  /** Cue's email messages for the soak's journey. */
  messages: { id: string; status: string; n: number | null }[];
  /** What the fake provider delivered (one entry per accepted, non-repeated request). */
  deliveries: { n: number | null; messageId: string | null; key: string | null }[];
  /** Every request the provider answered 200 (a repeat of a key is deduplicated, not sent). */
  acceptedRequestKeys: (string | null)[];
}

export interface EmailAudit {
  expected: number;
  messages: number;
  delivered: number;
  /** Accepted triggers with no delivery, or whose message did not end `sent`. */
  lost: number;
  lostSample: number[];
  /** Messages by status, for the ones that did not end sent. */
  notSent: Record<string, number>;
  /** Extra deliveries: the most of (per trigger, per message, per key). */
  duplicated: number;
  duplicatedByTrigger: number;
  duplicatedByMessage: number;
  duplicatedByKey: number;
  /** Keys the provider answered 200 more than once (deduplicated retries, not duplicates). */
  repeatedKeys: number;
  /** Deliveries that match no accepted trigger. */
  unexpected: number;
}

function excess(values: (string | number | null)[]): number {
  const counts = new Map<string | number, number>();
  for (const v of values) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
  let extra = 0;
  for (const n of counts.values()) extra += n - 1;
  return extra;
}

export function auditEmails(input: AuditInput): EmailAudit {
  const accepted = new Set(input.accepted);
  const delivered = new Set(input.deliveries.map((d) => d.n).filter((n) => n !== null));
  const lost = new Set([...accepted].filter((n) => !delivered.has(n)));
  const notSent: Record<string, number> = {};
  for (const m of input.messages) {
    if (SENT.has(m.status)) continue;
    notSent[m.status] = (notSent[m.status] ?? 0) + 1;
    if (m.n !== null) lost.add(m.n);
  }
  const byTrigger = excess(input.deliveries.map((d) => d.n));
  const byMessage = excess(input.deliveries.map((d) => d.messageId));
  const byKey = excess(input.deliveries.map((d) => d.key));
  return {
    expected: accepted.size,
    messages: input.messages.length,
    delivered: [...delivered].filter((n) => accepted.has(n)).length,
    lost: lost.size,
    lostSample: [...lost].sort((a, b) => a - b).slice(0, 10),
    notSent,
    duplicated: Math.max(byTrigger, byMessage, byKey),
    duplicatedByTrigger: byTrigger,
    duplicatedByMessage: byMessage,
    duplicatedByKey: byKey,
    repeatedKeys: excess(input.acceptedRequestKeys),
    unexpected: input.deliveries.filter((d) => d.n === null || !accepted.has(d.n)).length,
  };
}

/** The trigger number in a soak email's subject, or null. */
export function triggerNumber(subject: unknown): number | null {
  const match = /^Soak email (\d+)$/.exec(String(subject ?? ""));
  return match ? Number(match[1]) : null;
}
