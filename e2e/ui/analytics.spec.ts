import { expect, type Page, test } from "@playwright/test";
import { loadState } from "../fixtures";

// A marketer opens a live journey's analytics, backtests it on the last two
// weeks with the progress bar on screen, compares the draft with the live
// version side by side, and finds the journey on the workspace overview.

async function writeKey(page: Page, workspaceId: string): Promise<string> {
  await page.goto(`/w/${workspaceId}/settings/sources`);
  const key = (await page.getByTestId("write-key").textContent())?.trim() ?? "";
  expect(key).toMatch(/^wk_/);
  return key;
}

function journey(event: string, holdoutPercent: number) {
  return {
    version: 1,
    nodes: [
      { id: "trigger", type: "trigger", trigger: { kind: "event", event } },
      {
        id: "pro",
        type: "filter",
        label: "Pro plan",
        condition: { all: [{ kind: "property", path: "plan", operator: "eq", value: "pro" }] },
      },
      {
        id: "hello",
        type: "send_inapp",
        label: "Hello card",
        content: { kind: "card", title: "Hello", body: "Welcome aboard" },
      },
      { id: "end", type: "exit" },
    ],
    edges: [
      { from: "trigger", to: "pro" },
      { from: "pro", to: "hello" },
      { from: "hello", to: "end" },
    ],
    settings: {
      reentry: { mode: "always" },
      holdoutPercent,
      goal: { event: "Upgraded", within: { amount: 7, unit: "days" } },
    },
  };
}

test("journey analytics and a backtest with progress, compared side by side", async ({ page }) => {
  test.setTimeout(120_000);
  const { workspaceId } = loadState();
  const run = Date.now().toString(36);
  const event = `Signed Up ${run}`;
  const key = await writeKey(page, workspaceId);

  // A live journey (publish), then a fortnight of history sent with past timestamps.
  const created = await page.request.post(`/api/w/${workspaceId}/journeys`, {
    data: { name: `Welcome ${run}`, definition: journey(event, 10) },
  });
  expect(created.status()).toBe(201);
  const journeyId = ((await created.json()) as { journey: { id: string } }).journey.id;
  const published = await page.request.post(`/api/w/${workspaceId}/journeys/${journeyId}/publish`, {
    data: {},
  });
  expect(published.status()).toBe(200);
  const now = Date.now();
  for (let batch = 0; batch < 3; batch++) {
    const items = Array.from({ length: 600 }, (_, i) => {
      const n = batch * 600 + i;
      const at = new Date(now - ((n % 12) + 1) * 86_400_000 - (n % 24) * 3_600_000);
      const userId = `an-${run}-${n}`;
      return [
        {
          type: "track",
          userId,
          event,
          properties: { plan: n % 3 === 0 ? "free" : "pro" },
          timestamp: at.toISOString(),
        },
        ...(n % 4 === 0
          ? [
              {
                type: "track",
                userId,
                event: "Upgraded",
                timestamp: new Date(at.getTime() + 3_600_000).toISOString(),
              },
            ]
          : []),
      ];
    }).flat();
    const response = await page.request.post("/api/v1/batch", {
      headers: { Authorization: `Basic ${Buffer.from(`${key}:`).toString("base64")}` },
      data: { batch: items },
    });
    expect(response.status()).toBe(200);
  }

  // Journey time is event time: history from before the publish never enters the live
  // journey (the backtest replays it below); these users act now, after the publish.
  const live = await page.request.post("/api/v1/batch", {
    headers: { Authorization: `Basic ${Buffer.from(`${key}:`).toString("base64")}` },
    data: {
      batch: Array.from({ length: 5 }, (_, i) => ({
        type: "track",
        userId: `an-${run}-live-${i}`,
        event,
        properties: { plan: "pro" },
      })),
    },
  });
  expect(live.status()).toBe(200);

  await page.goto(`/w/${workspaceId}/journeys/${journeyId}/analytics`);
  await expect(page.getByRole("heading", { name: `Welcome ${run}: analytics` })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Conversion vs holdout" })).toBeVisible();
  await expect(page.getByRole("figure", { name: "Runs per day (UTC)" })).toBeVisible();
  await expect(page.getByLabel("Version", { exact: true })).toBeVisible();
  // The live engine evaluates the live events as they arrive: entries show up today.
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("row").filter({ hasText: "Hello card" })).toBeVisible();
  }).toPass({ timeout: 30_000 });

  // Backtest the live version on the last 14 days (the default window).
  const panel = page.getByRole("region", { name: "Backtest on history" });
  await expect(panel.getByLabel("Journey to replay")).toHaveValue("live");
  await panel.getByRole("button", { name: "Run backtest" }).click();
  const progress = panel.getByRole("progressbar", { name: "Backtest progress" });
  await expect(progress).toBeVisible();
  await page.screenshot({ path: "test-results/analytics-backtest-progress.png" });
  await expect(progress).toHaveAttribute("aria-valuenow", "100", { timeout: 60_000 });
  const results = panel.getByRole("table", { name: "Backtest results" });
  await expect(results).toBeVisible();
  await expect(results.getByRole("row", { name: /Would enter \(runs\)/ })).toContainText("1,805");
  await expect(results.getByRole("row", { name: /Would receive “Hello card”/ })).toBeVisible();

  // Change the draft (no holdout), backtest it, and compare the two.
  const current = await page.request.get(`/api/w/${workspaceId}/journeys/${journeyId}`);
  const { journey: saved } = (await current.json()) as { journey: { draftRevision: number } };
  const updated = await page.request.put(`/api/w/${workspaceId}/journeys/${journeyId}`, {
    data: { draftRevision: saved.draftRevision, definition: journey(event, 0) },
  });
  expect(updated.status()).toBe(200);
  await panel.getByLabel("Journey to replay").selectOption("draft");
  await panel.getByRole("button", { name: "Run backtest" }).click();
  await expect(panel.getByRole("progressbar", { name: "Backtest progress" })).toHaveAttribute(
    "aria-valuenow",
    "100",
    { timeout: 60_000 },
  );
  const backtests = panel.getByRole("list", { name: "Backtests" }).getByRole("checkbox");
  await expect(backtests).toHaveCount(2);
  await backtests.nth(0).check();
  await backtests.nth(1).check();
  await expect(results.getByRole("columnheader", { name: "Difference" })).toBeVisible();
  await expect(results.getByRole("row", { name: /In the holdout/ })).toBeVisible();
  await page.screenshot({ path: "test-results/analytics-backtest-compare.png", fullPage: true });

  // The workspace overview lists the live journey under health.
  await page.goto(`/w/${workspaceId}/analytics`);
  await expect(page.getByRole("heading", { name: "Live journey health" })).toBeVisible();
  await expect(page.getByRole("link", { name: `Welcome ${run}` }).first()).toBeVisible();
  await expect(
    page.getByRole("figure", { name: "Messages per channel per day (UTC)" }),
  ).toBeVisible();
  await page.screenshot({ path: "test-results/analytics-overview.png", fullPage: true });
});
