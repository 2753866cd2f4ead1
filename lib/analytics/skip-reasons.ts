// Why runs did not get a message, from the engine's trace decisions. Pure:
// the labels a marketer reads for each (decision, delivery rule) pair.

export const SKIP_DECISIONS = [
  "filtered",
  "skipped",
  "deferred",
  "limit_reached",
  "failed",
] as const;
export type SkipDecision = (typeof SKIP_DECISIONS)[number];

export type SkipCategory =
  | "filter"
  | "frequency_cap"
  | "quiet_hours"
  | "suppression"
  | "unsubscribed"
  | "topic_opt_out"
  | "no_address"
  | "message_limit"
  | "provider_failure"
  | "other";

const RULE_CATEGORY: Record<string, SkipCategory> = {
  frequency_total: "frequency_cap",
  frequency_channel: "frequency_cap",
  quiet_hours: "quiet_hours",
  suppressed: "suppression",
  unsubscribed: "unsubscribed",
  topic_opted_out: "topic_opt_out",
  no_email_address: "no_address",
};

export const CATEGORY_LABEL: Record<SkipCategory, string> = {
  filter: "Filtered out",
  frequency_cap: "Frequency cap",
  quiet_hours: "Quiet hours",
  suppression: "Suppressed address",
  unsubscribed: "Unsubscribed",
  topic_opt_out: "Opted out of the topic",
  no_address: "No email address",
  message_limit: "Journey message limit",
  provider_failure: "Provider failure",
  other: "Other",
};

export function skipCategory(decision: string, rule: string | null): SkipCategory {
  if (decision === "filtered") return "filter";
  if (decision === "limit_reached") return "message_limit";
  if (decision === "failed") return "provider_failure";
  return (rule && RULE_CATEGORY[rule]) || "other";
}

export interface SkipRow {
  nodeId: string | null;
  decision: string;
  rule: string | null;
  count: number;
}

export interface SkipReason {
  category: SkipCategory;
  label: string;
  /** Skipped for good (filtered, skipped, limit, failed) vs held for later (deferred). */
  outcome: "skipped" | "deferred";
  nodeId: string | null;
  count: number;
}

/** Groups raw trace counts by (category, outcome, node), biggest first. */
export function summarizeSkips(rows: readonly SkipRow[]): SkipReason[] {
  const merged = new Map<string, SkipReason>();
  for (const row of rows) {
    const category = skipCategory(row.decision, row.rule);
    const outcome = row.decision === "deferred" ? "deferred" : "skipped";
    const key = `${category}|${outcome}|${row.nodeId ?? ""}`;
    const current = merged.get(key);
    if (current) current.count += row.count;
    else {
      const label = CATEGORY_LABEL[category];
      merged.set(key, { category, label, outcome, nodeId: row.nodeId, count: row.count });
    }
  }
  return [...merged.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}
