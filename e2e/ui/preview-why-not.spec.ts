import { type Browser, expect, type Page, test } from "@playwright/test";
import { loadState } from "../fixtures";

// The PM's tools on a journey made from a template: "preview as user" walks
// a real user's stored events through the engine and shows the message they
// would get; "why not?" names the filter that kept another user out. A viewer
// can open the preview (a shared link) but has nothing to edit or publish.

const HOUR = 3_600_000;

async function writeKey(page: Page, workspaceId: string): Promise<string> {
  await page.goto(`/w/${workspaceId}/settings/sources`);
  const key = (await page.getByTestId("write-key").textContent())?.trim() ?? "";
  expect(key).toMatch(/^wk_/);
  return key;
}

async function ingest(page: Page, key: string, batch: unknown[]): Promise<void> {
  const response = await page.request.post("/api/v1/batch", {
    headers: { Authorization: `Basic ${Buffer.from(`${key}:`).toString("base64")}` },
    data: { batch },
  });
  expect(response.status()).toBe(200);
  expect(((await response.json()) as { rejected?: unknown[] }).rejected ?? []).toEqual([]);
}

/** "From first report to shared dashboard", with the holdout off so the outcome is certain. */
async function publishFromTemplate(page: Page, workspaceId: string): Promise<string> {
  const base = `/api/w/${workspaceId}/journeys`;
  const created = await page.request.post(base, {
    data: { template: "first-report-to-dashboard", name: `Share dashboards ${Date.now()}` },
  });
  expect(created.status()).toBe(201);
  const { journey } = (await created.json()) as {
    journey: { id: string; draftRevision: number; draft: { settings: Record<string, unknown> } };
  };
  const draft = { ...journey.draft, settings: { ...journey.draft.settings, holdoutPercent: 0 } };
  const saved = await page.request.patch(`${base}/${journey.id}`, {
    data: { draftRevision: journey.draftRevision, definition: draft },
  });
  expect(saved.status()).toBe(200);
  const published = await page.request.post(`${base}/${journey.id}/publish`, {
    data: { note: "e2e" },
  });
  expect(published.status()).toBe(200);
  return journey.id;
}

async function joinAsViewer(page: Page, browser: Browser, workspaceId: string) {
  const invite = await page.request.post(`/api/w/${workspaceId}/invites`, {
    data: { role: "viewer" },
  });
  expect(invite.status()).toBe(201);
  const { url } = (await invite.json()) as { url: string };
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const viewer = await context.newPage();
  await viewer.goto(url);
  await viewer.getByLabel("Your name").fill("Pat Viewer");
  await viewer.getByLabel("Email").fill(`pm-viewer-${Date.now()}@e2e.test`);
  await viewer.getByLabel("Password (8+ characters)").fill("viewer-password-1");
  await viewer.getByRole("button", { name: "Join workspace" }).click();
  // Accepting an invite lands on the workspace's home page.
  await expect(viewer).toHaveURL(new RegExp(`/w/${workspaceId}$`), { timeout: 30_000 });
  return { context, viewer };
}

test("preview as user shows the message; why not names the filter; a viewer can preview", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const { workspaceId } = loadState();
  const key = await writeKey(page, workspaceId);
  // The default email quiet hours (21:00–08:00 in the user's zone) would defer the email
  // when this runs in the evening; this test is about paths and filters, not the clock.
  const rules = `/api/w/${workspaceId}/delivery-rules`;
  expect((await page.request.put(rules, { data: { rules: {} } })).status()).toBe(200);
  try {
    await previewAndWhyNot(page, browser, workspaceId, key);
  } finally {
    await page.request.put(rules, { data: { rules: null } });
  }
});

async function previewAndWhyNot(page: Page, browser: Browser, workspaceId: string, key: string) {
  const run = Date.now().toString(36);
  const reader = `pm-reader-${run}`;
  const sharer = `pm-sharer-${run}`;
  const journeyId = await publishFromTemplate(page, workspaceId);

  // Four hours ago both signed up; two hours ago both created their first report; the sharer
  // had already shared a dashboard.
  const at = (hoursAgo: number) => new Date(Date.now() - hoursAgo * HOUR).toISOString();
  await ingest(page, key, [
    // Profiles are rebuilt as of each step's time, so they signed up (identify) first.
    {
      type: "identify",
      userId: reader,
      traits: { name: `Rita ${run}`, email: `${reader}@example.test` },
      timestamp: at(4),
    },
    {
      type: "identify",
      userId: sharer,
      traits: { name: `Sam ${run}`, email: `${sharer}@example.test` },
      timestamp: at(4),
    },
    { type: "track", userId: sharer, event: "Dashboard Shared", timestamp: at(3) },
    {
      type: "track",
      userId: reader,
      event: "Report Created",
      properties: { template: "Weekly KPIs" },
      timestamp: at(2),
    },
    {
      type: "track",
      userId: sharer,
      event: "Report Created",
      properties: { template: "Churn" },
      timestamp: at(2),
    },
  ]);

  // Preview: pick the reader by search; the URL carries the profile, so the link can be shared.
  await page.goto(`/w/${workspaceId}/journeys/${journeyId}/preview`);
  await page.getByLabel("Preview as user").fill(reader);
  await page.getByRole("button", { name: new RegExp(reader) }).click();
  await expect(page).toHaveURL(/[?&]profile=/);
  const message = page.getByTestId("path-message").first();
  await expect(message).toBeVisible({ timeout: 20_000 });
  // The split sends an in-app card or an email; either is rendered with their data.
  await expect(message).toContainText(
    /Your report deserves an audience|Turn your first report into a live dashboard/,
  );
  const steps = page.getByTestId("path-step");
  await expect(steps.filter({ hasText: "Has not shared a dashboard" })).toContainText(
    "Filter passed",
  );
  await expect(steps.filter({ hasText: "In-app or email first?" })).toContainText(/Split: variant/);
  await expect(page.getByRole("button", { name: "Copy link" })).toBeVisible();
  await page.screenshot({ path: "test-results/preview-as-user.png", fullPage: true });
  const shared = new URL(page.url());

  // Why not, for the sharer. Journey time is event time: their report (two hours ago)
  // predates the publish, so the journey gate blocks first; the filter is still evaluated
  // and names the shared dashboard.
  await page.goto(`/w/${workspaceId}/journeys/${journeyId}/why-not?profile=${sharer}`);
  await expect(page.getByTestId("why-not-verdict")).toContainText("before the journey went live", {
    timeout: 20_000,
  });
  const journeyGate = page.locator('[data-testid="gate"][data-gate="journey"]');
  await expect(journeyGate).toHaveAttribute("data-passed", "false");
  await expect(journeyGate).toContainText("Blocks here");
  const filterGate = page.locator('[data-testid="gate"][data-gate="filter"]');
  await expect(filterGate).toHaveAttribute("data-passed", "false");
  await expect(filterGate).toContainText('has not done "Dashboard Shared"');
  await expect(page.locator('[data-testid="gate"][data-gate="trigger"]')).toHaveAttribute(
    "data-passed",
    "true",
  );
  await page.screenshot({ path: "test-results/why-not-filter.png", fullPage: true });

  // Journey time is event time: the history above predates the publish, so it never entered
  // the live journey (preview and why-not replay it as if the journey had been live). A second
  // reader signs up and creates a first report now, which enters the live journey.
  const lateReader = `pm-late-reader-${run}`;
  await ingest(page, key, [
    {
      type: "identify",
      userId: lateReader,
      traits: { name: `Lee ${run}`, email: `${lateReader}@example.test` },
    },
  ]);
  await ingest(page, key, [
    {
      type: "track",
      userId: lateReader,
      event: "Report Created",
      properties: { template: "Churn" },
    },
  ]);
  await page.goto(`/w/${workspaceId}/journeys/${journeyId}/preview`);
  await page.getByLabel("Preview as user").fill(lateReader);
  await page.getByRole("button", { name: new RegExp(lateReader) }).click();
  await expect(page).toHaveURL(/[?&]profile=/);

  // Their live run is on their profile (waiting out the hour); its trace links to "why not?".
  const readerId = new URL(page.url()).searchParams.get("profile") ?? "";
  await page.goto(`/w/${workspaceId}/users/${readerId}?tab=journeys`);
  const liveRun = page.getByTestId("profile-run").filter({ hasText: "Share dashboards" });
  await expect(liveRun).toBeVisible();
  // The profile's own "Why not?" section: pick the journey, ask.
  await page.getByLabel("Journey", { exact: true }).selectOption(journeyId);
  await page.getByRole("button", { name: "Why not?" }).click();
  await expect(page.getByTestId("why-not-verdict")).toContainText(/waiting at "Delay" until/, {
    timeout: 20_000,
  });
  // The time reads as a labelled local time with how far off it is, never a raw ISO string.
  await expect(page.getByTestId("why-not-verdict")).toContainText(
    /until \w{3} \d+, \d{4}, \d\d:\d\d:\d\d \S+ \((in \d+ (min|h)|just now)\)/,
  );
  await expect(page.getByTestId("why-not-verdict")).not.toContainText(/\d{4}-\d\d-\d\dT/);
  await page.screenshot({ path: "test-results/profile-journeys.png", fullPage: true });
  await liveRun.getByRole("link", { name: "Why?" }).click();
  await expect(page).toHaveURL(new RegExp(`/journeys/${journeyId}/why-not\\?profile=`));
  await expect(page.getByTestId("why-not-verdict")).toContainText(/waiting at "Delay" until/, {
    timeout: 20_000,
  });

  // A viewer opens the shared preview link: same message, nothing to edit or publish.
  const { context, viewer } = await joinAsViewer(page, browser, workspaceId);
  await viewer.goto(`${shared.pathname}${shared.search}`);
  await expect(viewer.getByTestId("path-message").first()).toBeVisible({ timeout: 20_000 });
  await expect(viewer.getByRole("button", { name: /publish/i })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: /edit|save/i })).toHaveCount(0);
  await expect(viewer.getByRole("link", { name: /edit/i })).toHaveCount(0);
  const publish = await viewer.request.post(`/api/w/${workspaceId}/journeys/${journeyId}/publish`, {
    data: {},
  });
  expect(publish.status()).toBe(403);
  await context.close();
}
