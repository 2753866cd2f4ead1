import { createHmac } from "node:crypto";
import { expect, type Page, type TestInfo, test } from "@playwright/test";
import { inboxSecretOf } from "../e2e-database";
import { loadState } from "../fixtures";

// Issue 17's audience end to end: "Trial users from ads in their first 7 days"
// built on the Segments page, used as a journey's trigger (segment entry) in
// the builder, published, then fed over HTTP (the request client standing in
// for curl). The trial user from ads enters the segment and gets the in-app
// message; a trial user from another source, and one first seen ten days ago,
// do not.
//
// Isolation: the segment also requires this run's `e2e_run` trait, so no other
// spec's profile can ever enter it (an entry records a "Segment Entered" event
// on that profile's timeline), and it is deleted at the end.

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

async function shot(page: Page, testInfo: TestInfo, name: string) {
  await testInfo.attach(name, { body: await page.screenshot(), contentType: "image/png" });
}

const node = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
const inspector = (page: Page) => page.getByRole("complementary", { name: "Inspector" });

test("a segment built in the UI triggers a journey; the user who enters gets the in-app message", async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  const { workspaceId } = loadState();
  const run = Date.now().toString(36);
  const segmentName = `Trial users from ads in their first 7 days ${run}`;
  const title = `Welcome to your trial ${run}`;
  const fromAds = `trial-ads-${run}`;
  const organic = `trial-organic-${run}`;
  const veteran = `trial-ads-old-${run}`;
  let segmentId = "";
  let journeyId = "";
  try {
    // Segments → New segment: four conditions, all of which must hold.
    await page.goto(`/w/${workspaceId}/segments`);
    await expect(page.getByRole("heading", { level: 1, name: "Segments" })).toBeVisible();
    await page.getByRole("button", { name: "New segment" }).first().click();
    await page.getByLabel("Name", { exact: true }).fill(segmentName);
    await expect(page.getByLabel("By condition (live)")).toBeChecked();
    const conditions = page.getByRole("group", { name: "Conditions" });
    const trait = async (index: number, path: string, value: string) => {
      await conditions.getByLabel("Trait", { exact: true }).nth(index).fill(path);
      await conditions.getByLabel("Operator", { exact: true }).nth(index).selectOption("eq");
      await conditions.getByLabel("Value", { exact: true }).nth(index).fill(value);
    };
    // 1. plan is trial (the form starts with one trait condition).
    await trait(0, "plan", "trial");
    // 2. acquisition source is ads.
    await conditions.getByRole("button", { name: "+ Condition" }).click();
    await trait(1, "acquisition_source", "ads");
    // 3. first seen within the last 7 days.
    await conditions.getByRole("button", { name: "+ Condition" }).click();
    await conditions.getByLabel("Condition on").nth(2).selectOption("first_seen_within");
    await expect(conditions.getByLabel("First seen within the last: amount")).toHaveValue("7");
    await expect(conditions.getByLabel("First seen within the last: unit")).toHaveValue("days");
    // 4. this run only (see the note at the top).
    await conditions.getByRole("button", { name: "+ Condition" }).click();
    await trait(2, "e2e_run", run);
    await page.getByRole("button", { name: "Save segment" }).click();

    const detail = page.getByRole("region", { name: `Segment ${segmentName}` });
    await expect(detail).toBeVisible({ timeout: 15_000 });
    const row = page.getByRole("row").filter({ hasText: segmentName });
    await expect(row).toContainText("Live", { timeout: 30_000 });
    await expect(detail.getByText("0 members now")).toBeVisible();
    const listed = await page.request.get(`/api/w/${workspaceId}/segments`);
    const { segments } = (await listed.json()) as {
      segments: { id: string; name: string; condition?: unknown }[];
    };
    const saved = segments.find((s) => s.name === segmentName);
    expect(saved).toBeDefined();
    segmentId = saved?.id ?? "";
    expect(saved?.condition).toEqual({
      all: [
        { kind: "trait", path: "plan", operator: "eq", value: "trial" },
        { kind: "trait", path: "acquisition_source", operator: "eq", value: "ads" },
        { kind: "first_seen_within", within: { amount: 7, unit: "days" } },
        { kind: "trait", path: "e2e_run", operator: "eq", value: run },
      ],
    });
    await shot(page, testInfo, "segment-created");

    // Journeys → New journey: enter on segment entry, send an in-app message.
    await page.goto(`/w/${workspaceId}/journeys`);
    await page.getByRole("button", { name: "New journey" }).click();
    await page.getByLabel("Journey name").fill(`Trial welcome ${run}`);
    await page.getByRole("button", { name: "Create journey" }).click();
    await expect(page).toHaveURL(/\/journeys\/[^/]+$/, { timeout: 30_000 });
    journeyId = new URL(page.url()).pathname.split("/").at(-1) ?? "";
    await node(page, "trigger").click();
    const panel = inspector(page);
    await expect(panel.getByRole("heading", { name: "Trigger" })).toBeVisible();
    await panel.getByLabel("Enter when").selectOption("segment");
    await panel.getByLabel("Segment", { exact: true }).selectOption({ label: segmentName });
    await expect(panel.getByLabel("Fire when they")).toHaveValue("entry");
    await page.getByRole("button", { name: "Add Send in-app" }).click();
    await expect(node(page, "inapp-1")).toBeVisible();
    await node(page, "inapp-1").click();
    await panel.getByRole("button", { name: "Edit message" }).click();
    const dialog = page.getByRole("dialog", { name: /In-app message/ });
    await dialog.getByLabel("Title").fill(title);
    await dialog.getByLabel("Body", { exact: true }).fill("Your first week starts here.");
    await dialog.getByRole("button", { name: "Done" }).click();
    await expect(page.getByTestId("save-status")).toHaveText("All changes saved", {
      timeout: 15_000,
    });
    await page.getByRole("button", { name: "Publish", exact: true }).click();
    const publish = page.getByRole("dialog", { name: "Publish this journey" });
    await publish.getByLabel(/What changed/).fill("Welcome trial users from ads");
    await publish.getByRole("button", { name: "Publish" }).click();
    await expect(publish).toBeHidden();
    await expect(page.getByTestId("journey-status")).toHaveText("Live");
    const stored = await page.request.get(`/api/w/${workspaceId}/journeys/${journeyId}`);
    const { journey } = (await stored.json()) as {
      journey: { draft: { nodes: { id: string; trigger?: unknown }[] } };
    };
    expect(journey.draft.nodes.find((n) => n.id === "trigger")?.trigger).toEqual({
      kind: "segment",
      segmentId,
      on: "entry",
    });
    await shot(page, testInfo, "segment-journey-published");

    // Events over HTTP, as curl would send them.
    const key = await writeKey(page, workspaceId);
    const tenDaysAgo = new Date(Date.now() - 10 * 24 * 3600 * 1000).toISOString();
    const traits = (userId: string, source: string) => ({
      email: `${userId}@example.test`,
      plan: "trial",
      acquisition_source: source,
      e2e_run: run,
    });
    await ingest(page, key, [
      { type: "track", userId: veteran, event: "Signed Up", timestamp: tenDaysAgo },
    ]);
    await ingest(page, key, [
      { type: "identify", userId: fromAds, traits: traits(fromAds, "ads") },
      { type: "identify", userId: organic, traits: traits(organic, "organic") },
      { type: "identify", userId: veteran, traits: traits(veteran, "ads") },
    ]);

    // The user from ads enters the segment, and so the journey.
    const runs = async () => {
      const response = await page.request.get(`/api/w/${workspaceId}/journeys/${journeyId}/runs`);
      return ((await response.json()) as { runs: { status: string; userId?: string }[] }).runs;
    };
    await expect
      .poll(runs, { timeout: 30_000 })
      .toEqual([expect.objectContaining({ status: "completed" })]);

    // The in-app message is in that user's inbox, and in nobody else's.
    const secret = await inboxSecretOf(workspaceId);
    const inboxOf = async (userId: string) => {
      const response = await page.request.get("/api/v1/inbox", {
        headers: {
          "x-cue-write-key": key,
          "x-cue-user-id": userId,
          "x-cue-user-hash": createHmac("sha256", secret).update(userId).digest("hex"),
        },
      });
      expect(response.status()).toBe(200);
      return ((await response.json()) as { items: { title: string }[] }).items;
    };
    await expect
      .poll(() => inboxOf(fromAds), { timeout: 15_000 })
      .toEqual([expect.objectContaining({ title })]);
    expect(await inboxOf(organic)).toEqual([]);
    expect(await inboxOf(veteran)).toEqual([]);

    // The Segments page: one member, and why the veteran is not in it.
    await page.goto(`/w/${workspaceId}/segments`);
    await page.getByRole("button", { name: segmentName }).click();
    await expect(detail.getByText("1 member now")).toBeVisible({ timeout: 15_000 });
    await expect(detail.getByRole("link", { name: fromAds, exact: true })).toBeVisible();
    await expect(detail.getByRole("link", { name: organic, exact: true })).toHaveCount(0);
    await detail.getByLabel("Profile").fill(veteran);
    await detail.getByRole("button", { name: "Explain" }).click();
    await expect(detail.getByText(/^Not in the segment/)).toBeVisible();
    await expect(detail).toContainText("first seen within the last 7 days");
    await shot(page, testInfo, "segment-members");
  } finally {
    // Leave nothing live that another spec's profiles could enter.
    if (journeyId) {
      await page.request.post(`/api/w/${workspaceId}/journeys/${journeyId}/archive`, {
        data: {},
      });
    }
    if (segmentId) await page.request.delete(`/api/w/${workspaceId}/segments/${segmentId}`);
  }
});
