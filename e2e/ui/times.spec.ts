import { expect, type Page, test } from "@playwright/test";
import { loadState } from "../fixtures";

// Times as people read them: a Toronto user's email held by quiet hours reads
// on Toronto's clock, named, in "why not?" and in the profile's trace; no
// page shows a raw ISO instant; an event that reached Cue late shows when it
// happened, with the receive time on hover.

const HOUR = 3_600_000;
const RAW_ISO = /\d{4}-\d\d-\d\dT\d\d:\d\d/;

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

/** "HH:MM" in Toronto, `hours` from now. */
function torontoClock(hours: number): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone: "America/Toronto",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(new Date(Date.now() + hours * HOUR));
}

async function publishWelcome(page: Page, workspaceId: string, event: string): Promise<string> {
  const base = `/api/w/${workspaceId}/journeys`;
  const created = await page.request.post(base, {
    data: {
      name: `Welcome on Toronto time ${Date.now().toString(36)}`,
      definition: {
        version: 1,
        nodes: [
          {
            id: "trigger",
            type: "trigger",
            trigger: { kind: "event", event },
            position: { x: 0, y: 0 },
          },
          {
            id: "welcome-send",
            type: "send_email",
            label: "Welcome email",
            content: {
              subject: "Welcome",
              preheader: "",
              body: "Hello {{ profile.traits.name }}",
              bodyFormat: "markdown",
              transactional: false,
            },
            position: { x: 0, y: 160 },
          },
          { id: "done", type: "exit", position: { x: 0, y: 320 } },
        ],
        edges: [
          { from: "trigger", to: "welcome-send" },
          { from: "welcome-send", to: "done" },
        ],
        settings: { reentry: { mode: "once" }, holdoutPercent: 0 },
      },
    },
  });
  expect(created.status()).toBe(201);
  const { journey } = (await created.json()) as { journey: { id: string } };
  const published = await page.request.post(`${base}/${journey.id}/publish`, {
    data: { note: "e2e times" },
  });
  expect(published.status()).toBe(200);
  return journey.id;
}

test("quiet hours read on the user's clock, named; late events show when they happened", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const { workspaceId } = loadState();
  const key = await writeKey(page, workspaceId);
  const run = Date.now().toString(36);
  const userId = `toronto-${run}`;
  const trigger = `Times Checked ${run}`;
  const lateEvent = `Times Late ${run}`;
  // Quiet hours around now in Toronto, whenever this runs: the email is deferred.
  const rules = `/api/w/${workspaceId}/delivery-rules`;
  const quietHours = {
    start: torontoClock(-1),
    end: torontoClock(3),
    onQuiet: "defer",
    channels: ["email"],
  };
  expect((await page.request.put(rules, { data: { rules: { quietHours } } })).status()).toBe(200);
  try {
    const journeyId = await publishWelcome(page, workspaceId, trigger);
    await ingest(page, key, [
      {
        type: "identify",
        userId,
        traits: {
          name: `Tori ${run}`,
          email: `${userId}@example.test`,
          timezone: "America/Toronto",
        },
        timestamp: new Date(Date.now() - HOUR).toISOString(),
      },
    ]);
    await ingest(page, key, [
      { type: "track", userId, event: trigger },
      // Happened two days ago, reaches Cue now.
      {
        type: "track",
        userId,
        event: lateEvent,
        timestamp: new Date(Date.now() - 48 * HOUR).toISOString(),
      },
    ]);

    // "Why not?": quiet hours hold it, and every time of theirs says whose clock it is.
    await page.goto(`/w/${workspaceId}/journeys/${journeyId}/why-not?profile=${userId}`);
    const verdict = page.getByTestId("why-not-verdict");
    await expect(verdict).toContainText("Blocked by Quiet hours", { timeout: 20_000 });
    await expect(verdict).toContainText(
      /deferred until \w{3} \d+, \d{4}, \d\d:\d\d:\d\d E[SD]T \(Toronto time\) \(in \d+ (min|h)\)/,
    );
    await expect(page.locator('[data-testid="gate"][data-gate="quiet_hours"]')).toContainText(
      "(Toronto time)",
    );
    const deferred = page.getByTestId("path-step").filter({ hasText: "deferred" });
    await expect(deferred).toContainText("Welcome email");
    await expect(deferred).toContainText(/\d\d:\d\d:\d\d E[SD]T \(Toronto time\)/);
    // The steps that do not depend on their clock read in the viewer's zone, labelled.
    const entered = page.getByTestId("path-step").filter({ hasText: "entered" });
    await expect(entered).not.toContainText("Toronto time");
    await expect(entered.locator("time").first()).toHaveText(/\d\d:\d\d:\d\d \S+$/);
    await expect(page.locator("main")).not.toContainText(RAW_ISO);
    await page.screenshot({ path: "test-results/times-why-not.png", fullPage: true });

    // The profile's trace: the live run, its steps by name, the deferral on Toronto's clock.
    const href = await page
      .getByRole("link", { name: "Preview as this user" })
      .getAttribute("href");
    const profileId = new URL(href ?? "", "http://x").searchParams.get("profile") ?? "";
    expect(profileId).not.toBe("");
    await expect(async () => {
      await page.goto(`/w/${workspaceId}/users/${profileId}?tab=journeys`);
      await expect(page.getByTestId("profile-run")).toHaveCount(1, { timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    const liveRun = page.getByTestId("profile-run");
    await liveRun.getByText(/^Trace \(/).click();
    const deferral = liveRun.getByRole("listitem").filter({ hasText: "Quiet hours" });
    await expect(deferral).toContainText("Welcome email");
    await expect(deferral).toContainText("(Toronto time)");
    await expect(liveRun).not.toContainText("welcome-send");
    await expect(page.locator("main")).not.toContainText(RAW_ISO);
    await page.screenshot({ path: "test-results/times-profile-trace.png", fullPage: true });

    // Events: when it happened, with the receive time on hover (two days apart).
    await page.goto(`/w/${workspaceId}/events?user=${encodeURIComponent(userId)}`);
    const late = page.getByRole("row").filter({ hasText: lateEvent });
    await expect(late).toBeVisible({ timeout: 20_000 });
    await expect(late.locator("time")).toHaveAttribute("title", /^Happened .+; received .+/);
    const onTime = page.getByRole("row").filter({ hasText: trigger });
    await expect(onTime.locator("time")).toHaveAttribute("title", /^Happened [^;]+$/);
  } finally {
    await page.request.put(rules, { data: { rules: null } });
  }
});
