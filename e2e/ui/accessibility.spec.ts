import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, type TestInfo, test } from "@playwright/test";
import { loadState } from "../fixtures";

// Accessibility as a test: axe-core checks every main page at 1280×800 and
// fails on any serious or critical violation (all of them, whatever their
// impact, are attached as JSON), and a full-page screenshot of each page is
// kept with the test's results. The pages show real data: a live journey
// with a wait, three users who entered it and the in-app messages it sent.

const BLOCKING = new Set(["serious", "critical"]);

interface Fixture {
  workspaceId: string;
  journeyId: string;
  profileId: string;
  name: string;
  run: string;
}

let fixture: Fixture | undefined;
/** Requests answered 404 while the current test ran (the favicon was one on every first page). */
let notFound: string[] = [];

function definition(event: string) {
  return {
    version: 1,
    nodes: [
      {
        id: "trigger",
        type: "trigger",
        label: "Signed up",
        trigger: { kind: "event", event },
        position: { x: 0, y: 0 },
      },
      {
        id: "welcome",
        type: "send_inapp",
        label: "Welcome card",
        content: { kind: "card", title: "Welcome aboard", body: "Create your first report." },
        position: { x: 0, y: 160 },
      },
      {
        id: "wait",
        type: "wait",
        label: "Waits for a report",
        event: "Report Created",
        timeout: { amount: 1, unit: "days" },
        position: { x: 0, y: 320 },
      },
      { id: "done", type: "exit", label: "Made a report", position: { x: -160, y: 480 } },
      { id: "gave-up", type: "exit", label: "No report", position: { x: 160, y: 480 } },
    ],
    edges: [
      { from: "trigger", to: "welcome" },
      { from: "welcome", to: "wait" },
      { from: "wait", to: "done", exit: "did" },
      { from: "wait", to: "gave-up", exit: "timeout" },
    ],
    settings: {
      reentry: { mode: "once" },
      holdoutPercent: 0,
      goal: { event: "Report Created", within: { amount: 7, unit: "days" } },
    },
  };
}

/** A live journey, three users who entered it, and the messages it sent them. */
async function seed(page: Page): Promise<Fixture> {
  const { workspaceId } = loadState();
  const run = Date.now().toString(36);
  const event = `Signed Up A11y ${run}`;
  await page.goto(`/w/${workspaceId}/settings/sources`);
  const key = (await page.getByTestId("write-key").textContent())?.trim() ?? "";
  expect(key).toMatch(/^wk_/);

  const created = await page.request.post(`/api/w/${workspaceId}/journeys`, {
    data: { name: `Activation nudge ${run}`, definition: definition(event) },
  });
  expect(created.status()).toBe(201);
  const journeyId = ((await created.json()) as { journey: { id: string } }).journey.id;
  const published = await page.request.post(`/api/w/${workspaceId}/journeys/${journeyId}/publish`, {
    data: {},
  });
  expect(published.status()).toBe(200);

  const names = ["Ada Lovelace", "Grace Hopper", "Alan Turing"].map((n) => `${n} ${run}`);
  const items = names.flatMap((name, i) => {
    const userId = `a11y-${run}-${i}`;
    return [
      {
        type: "identify",
        userId,
        traits: { name, email: `${userId}@example.test`, plan: i === 0 ? "pro" : "free" },
      },
      { type: "track", userId, event, properties: { source: "e2e" } },
    ];
  });
  const sent = await page.request.post("/api/v1/batch", {
    headers: { Authorization: `Basic ${Buffer.from(`${key}:`).toString("base64")}` },
    data: { batch: items },
  });
  expect(sent.ok()).toBe(true);

  const userId = `a11y-${run}-0`;
  let profileId = "";
  await expect
    .poll(
      async () => {
        const answer = await page.request.get(
          `/api/w/${workspaceId}/messages?channel=in_app&limit=50`,
        );
        const { messages } = (await answer.json()) as {
          messages: { profileId: string; profile: { userId: string | null } | null }[];
        };
        const mine = messages.filter((m) => m.profile?.userId?.startsWith(`a11y-${run}-`));
        profileId = mine.find((m) => m.profile?.userId === userId)?.profileId ?? "";
        return mine.length;
      },
      { timeout: 30_000, message: "the journey sends its three welcome cards" },
    )
    .toBe(3);
  return { workspaceId, journeyId, profileId, name: names[0] ?? "", run };
}

async function checkPage(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  // Let charts measure and lazy panels settle before looking.
  await page.waitForLoadState("load");
  await page.evaluate(() => document.fonts.ready);
  const results = await new AxeBuilder({ page }).analyze();
  const blocking = results.violations.filter((v) => BLOCKING.has(v.impact ?? ""));
  // Kept in the HTML report (attachment) and next to the other specs' screenshots.
  await testInfo.attach(`${name}.png`, {
    body: await page.screenshot({ fullPage: true, path: `test-results/a11y-${name}.png` }),
    contentType: "image/png",
  });
  await testInfo.attach(`${name}-axe.json`, {
    body: JSON.stringify(results.violations, null, 2),
    contentType: "application/json",
  });
  const summary = blocking.map(
    (v) =>
      `${v.impact} ${v.id}: ${v.help} (${v.nodes.length} nodes)\n` +
      v.nodes
        .slice(0, 5)
        .map(
          (n) => `    ${n.target.join(" ")}  ${n.failureSummary?.split("\n").slice(1, 2).join("")}`,
        )
        .join("\n"),
  );
  expect(summary, `serious or critical axe violations on ${name}`).toEqual([]);
  expect(notFound, `requests answered 404 on ${name}`).toEqual([]);
}

test.describe("accessibility of the main pages (axe, 1280×800)", () => {
  test.beforeEach(async ({ page }) => {
    test.setTimeout(90_000);
    fixture ??= await seed(page);
    notFound = [];
    page.on("response", (response) => {
      if (response.status() === 404) notFound.push(response.url());
    });
  });

  test("home", async ({ page }, testInfo) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const icon = page.locator('head link[rel="icon"]');
    await expect(icon).toHaveCount(1);
    const href = (await icon.getAttribute("href")) ?? "";
    const answer = await page.request.get(href);
    expect(answer.status()).toBe(200);
    expect(answer.headers()["content-type"]).toContain("image/svg+xml");
    await checkPage(page, testInfo, "home");
  });

  test("journeys list", async ({ page }, testInfo) => {
    const { workspaceId, run } = fixture as Fixture;
    await page.goto(`/w/${workspaceId}/journeys`);
    await expect(page.getByRole("link", { name: `Activation nudge ${run}` })).toBeVisible();
    await checkPage(page, testInfo, "journeys");
  });

  test("journey editor, with a node's settings open", async ({ page }, testInfo) => {
    const { workspaceId, journeyId } = fixture as Fixture;
    await page.goto(`/w/${workspaceId}/journeys/${journeyId}`);
    const canvas = page.getByRole("application", { name: "Journey canvas" });
    // Nodes and connections are announced by their labels, never their ids.
    const wait = canvas.getByRole("group", { name: /^Wait for event “Waits for a report”: / });
    await expect(wait).toBeVisible();
    await expect(canvas.getByRole("group", { name: /^Trigger “Signed up”/ })).toBeVisible();
    await expect(
      canvas.getByRole("group", {
        name: "From “Waits for a report”, exit Timed out, to “No report”",
      }),
    ).toHaveCount(1);
    await wait.click();
    await expect(page.getByText("Give up after", { exact: true })).toBeVisible();
    // Clicking the words focuses the amount: it is the field's label.
    await page.getByText("Give up after", { exact: true }).click();
    await expect(page.getByLabel("Give up after: amount")).toBeFocused();
    await checkPage(page, testInfo, "journey-editor");
  });

  test("journey analytics", async ({ page }, testInfo) => {
    const { workspaceId, journeyId } = fixture as Fixture;
    await page.goto(`/w/${workspaceId}/journeys/${journeyId}/analytics`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.locator("figure").first()).toBeVisible();
    await checkPage(page, testInfo, "journey-analytics");
  });

  test("workspace analytics", async ({ page }, testInfo) => {
    const { workspaceId } = fixture as Fixture;
    await page.goto(`/w/${workspaceId}/analytics`);
    await expect(page.getByRole("heading", { level: 1, name: "Analytics" })).toBeVisible();
    await checkPage(page, testInfo, "analytics");
  });

  test("users", async ({ page }, testInfo) => {
    const { workspaceId, name } = fixture as Fixture;
    await page.goto(`/w/${workspaceId}/users`);
    await expect(page.getByRole("link", { name })).toBeVisible();
    await checkPage(page, testInfo, "users");
  });

  test("a profile, its timeline and its messages", async ({ page }, testInfo) => {
    const { workspaceId, profileId, name } = fixture as Fixture;
    await page.goto(`/w/${workspaceId}/users/${profileId}`);
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await expect(page.getByRole("list", { name: "Event timeline, newest first" })).toBeVisible();
    await checkPage(page, testInfo, "profile");

    await page.goto(`/w/${workspaceId}/users/${profileId}?tab=messages`);
    await expect(page.getByRole("row").filter({ hasText: "Welcome aboard" })).toHaveCount(1);
    await checkPage(page, testInfo, "profile-messages");
  });

  test("messages", async ({ page }, testInfo) => {
    const { workspaceId, run } = fixture as Fixture;
    await page.goto(`/w/${workspaceId}/messages?user=${encodeURIComponent(`a11y-${run}-1`)}`);
    await expect(page.getByRole("row").filter({ hasText: "Welcome aboard" })).toHaveCount(1);
    await page.goto(`/w/${workspaceId}/messages`);
    await expect(page.getByRole("row").filter({ hasText: "Welcome aboard" }).first()).toBeVisible();
    await checkPage(page, testInfo, "messages");
  });

  test("segments, with a segment's members and size open", async ({ page }, testInfo) => {
    const { workspaceId, run } = fixture as Fixture;
    const name = `Ada's segment ${run}`;
    const created = await page.request.post(`/api/w/${workspaceId}/segments`, {
      data: {
        kind: "condition",
        name,
        // Only this run's profile: a wider segment would record "Segment Entered" events on
        // other tests' profiles (segment-browser.spec.ts counts its user's events).
        condition: {
          all: [{ kind: "trait", path: "name", operator: "eq", value: `Ada Lovelace ${run}` }],
        },
      },
    });
    expect(created.status()).toBe(201);
    await page.goto(`/w/${workspaceId}/segments`);
    await expect(page.getByRole("heading", { level: 1, name: "Segments" })).toBeVisible();
    await page.getByRole("button", { name }).click();
    // Computed by the worker from the seeded profiles: one of the three is Ada.
    await expect(page.getByText("1 member now")).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText(`a11y-${run}-0`, { exact: true })).toBeVisible();
    await checkPage(page, testInfo, "segments");
  });

  test("settings", async ({ page }, testInfo) => {
    const { workspaceId } = fixture as Fixture;
    await page.goto(`/w/${workspaceId}/settings`);
    await expect(page.getByRole("region", { name: "Members" })).toBeVisible();
    // Quiet hours read in words, whatever the time field's locale shows.
    const rules = page.getByRole("region", { name: "Delivery rules" });
    await expect(rules.getByLabel("From", { exact: true })).toHaveValue(/^\d\d:\d\d$/);
    await expect(rules.getByText(/^Quiet from \d+:\d\d [AP]M to \d+:\d\d [AP]M/)).toBeVisible();
    await checkPage(page, testInfo, "settings");
  });
});
