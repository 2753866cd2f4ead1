import "server-only";
import { timingSafeEqual } from "node:crypto";
import { ApiError } from "@/lib/api/errors";
import { collectPoolGauges, collectQueueGauges } from "./collect-queue-gauges";
import { metrics } from "./metrics";

// GET /metrics: the Prometheus exposition of this process (metrics.ts). Off
// unless METRICS_TOKEN is set (404, as if it did not exist); then it needs
// `Authorization: Bearer <METRICS_TOKEN>` (401 otherwise).

export interface MetricsAnswer {
  contentType: string;
  body: string;
}

export async function answerMetrics(authorization: string | null): Promise<MetricsAnswer> {
  const token = process.env.METRICS_TOKEN?.trim();
  if (!token)
    throw new ApiError("not_found", "Metrics are off: set METRICS_TOKEN to turn them on.");
  if (!bearerMatches(authorization, token)) {
    throw new ApiError("unauthorized", "Send Authorization: Bearer <METRICS_TOKEN>.");
  }
  const m = metrics();
  collectPoolGauges(m);
  await collectQueueGauges(m);
  return { contentType: m.registry.contentType, body: await m.registry.metrics() };
}

function bearerMatches(header: string | null, token: string): boolean {
  const match = /^Bearer\s+(.+)$/i.exec(header?.trim() ?? "");
  if (!match?.[1]) return false;
  const given = Buffer.from(match[1].trim());
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
