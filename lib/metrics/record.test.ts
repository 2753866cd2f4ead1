import { describe, expect, it } from "vitest";
import { metrics } from "./metrics";
import { providerStatusLabel, recordEngineEvaluated, recordIngest } from "./record";

describe("providerStatusLabel", () => {
  it.each([
    [{ error: null }, "200"],
    [{ error: { statusCode: 429 } }, "429"],
    [{ error: { statusCode: 503 } }, "503"],
    [{ error: { statusCode: null } }, "error"],
    [{ error: { statusCode: 500 }, timedOut: true }, "timeout"],
    [{ error: null, timedOut: true }, "timeout"],
  ])("%j is %s", (answer, label) => {
    expect(providerStatusLabel(answer)).toBe(label);
  });
});

describe("recorders", () => {
  it("count ingestion by status and outcome, and skip outcomes of unread requests", async () => {
    const value = async (name: string, labels: Record<string, string>) =>
      (await metrics().registry.getSingleMetric(name)?.get())?.values.find((v) =>
        Object.entries(labels).every(([k, l]) => v.labels[k] === l),
      )?.value ?? 0;
    const before = await value("cue_ingest_events_total", { outcome: "accepted" });
    recordIngest(200, { accepted: 5, duplicates: 1, rejected: [{}, {}] });
    recordIngest(401);
    expect(await value("cue_ingest_events_total", { outcome: "accepted" })).toBe(before + 5);
    expect(await value("cue_ingest_events_total", { outcome: "rejected" })).toBeGreaterThanOrEqual(
      2,
    );
    expect(await value("cue_ingest_requests_total", { status: "401" })).toBeGreaterThanOrEqual(1);
  });

  it("observes engine lag from acceptance, never negative, and skips unknown times", async () => {
    const now = Date.parse("2026-12-06T12:00:00Z");
    const lag = metrics().engineLag;
    const before =
      (await lag.get()).values.find((v) => v.metricName?.endsWith("_count"))?.value ?? 0;
    recordEngineEvaluated([new Date(now - 2_000), new Date(now + 5_000), null], now);
    const after = (await lag.get()).values;
    expect(after.find((v) => v.metricName?.endsWith("_count"))?.value).toBe(before + 2);
    const inLowest = after.find((v) => v.metricName?.endsWith("_bucket") && v.labels.le === 0.005);
    expect(inLowest?.value).toBeGreaterThanOrEqual(1); // the clock-skewed one counts as 0 s
  });
});
