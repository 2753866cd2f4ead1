import { expect, type Page, test } from "@playwright/test";
import { loadState } from "../fixtures";

// A developer sends events with the write key, then finds them in the admin:
// the live Events view (with pause), the Rejected tab, the Catalog, the Users
// search and the profile page. HTML in a property stays text everywhere.

const XSS = "<script>window.__cueXss = 1</script>";

async function writeKey(page: Page, workspaceId: string): Promise<string> {
  await page.goto(`/w/${workspaceId}/settings/sources`);
  const key = (await page.getByTestId("write-key").textContent())?.trim() ?? "";
  expect(key).toMatch(/^wk_/);
  return key;
}

async function send(page: Page, key: string, batch: unknown[]) {
  const response = await page.request.post("/api/v1/batch", {
    headers: { Authorization: `Basic ${Buffer.from(`${key}:`).toString("base64")}` },
    data: { batch },
  });
  expect(response.status()).toBe(200);
  return (await response.json()) as { rejected?: { code: string }[] };
}

test("events arrive live, rejected calls say why, and the user is searchable", async ({ page }) => {
  // Live polling and a deliberate pause make this longer than the default.
  test.setTimeout(90_000);
  const { workspaceId } = loadState();
  const run = Date.now().toString(36);
  const userId = `e2e-user-${run}`;
  const email = `e2e-${run}@example.test`;
  const eventName = `E2E Checkout ${run}`;
  const key = await writeKey(page, workspaceId);
  await expect(page.getByRole("region", { name: "curl snippet" })).toContainText(key);

  // The live view is open before anything is sent: new events must appear by polling.
  await page.goto(`/w/${workspaceId}/events`);
  await expect(page.getByRole("status").filter({ hasText: "Live" })).toBeVisible();
  // On a fresh database (no other spec sent events yet) the page says how to send one.
  if (await page.getByRole("heading", { name: "No events yet" }).isVisible()) {
    await expect(page.getByRole("region", { name: /curl command/ })).toContainText(key);
    await page.screenshot({ path: "test-results/users-events-empty.png" });
  }

  const result = await send(page, key, [
    {
      type: "identify",
      userId,
      traits: { email, name: `Erin ${run}`, plan: "pro", bio: XSS },
    },
    { type: "track", userId, event: eventName, properties: { total: 42, html: XSS } },
    { type: "track", event: `Nobody ${run}` },
  ]);
  expect(result.rejected?.map((r) => r.code)).toEqual(["missing_identity"]);

  const row = page.getByRole("row").filter({ hasText: eventName });
  await expect(row).toBeVisible({ timeout: 10_000 });
  await expect(page.getByRole("row").filter({ hasText: "Identified" }).first()).toBeVisible();
  await row.getByRole("button", { name: /Show JSON/ }).click();
  const json = page.getByRole("region", { name: `JSON of ${eventName}` });
  await expect(json).toContainText(`"html": "${XSS}"`);
  expect(await page.evaluate(() => (window as { __cueXss?: number }).__cueXss)).toBeUndefined();
  await page.screenshot({ path: "test-results/users-events-live.png" });

  // Paused: nothing new is fetched until resumed.
  await page.getByRole("button", { name: "Pause" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Paused" })).toBeVisible();
  const later = `E2E Later ${run}`;
  await send(page, key, [{ type: "track", userId, event: later }]);
  await page.waitForTimeout(3_000);
  await expect(page.getByRole("row").filter({ hasText: later })).toHaveCount(0);
  await page.getByRole("button", { name: "Resume" }).click();
  await expect(page.getByRole("row").filter({ hasText: later })).toBeVisible({ timeout: 10_000 });

  // Filter by user: only this user's events.
  await page.getByLabel("User").fill(userId);
  await expect(page).toHaveURL(new RegExp(`user=${userId}`));
  await expect(page.getByRole("row").filter({ hasText: `Nobody ${run}` })).toHaveCount(0);
  await expect(page.getByRole("row").filter({ hasText: eventName }).first()).toBeVisible();

  // Rejected: the reason and the field.
  await page
    .getByRole("navigation", { name: "Event views" })
    .getByRole("link", { name: "Rejected" })
    .click();
  const rejected = page.getByRole("row").filter({ hasText: "missing_identity" }).first();
  await expect(rejected).toBeVisible();
  await expect(rejected).toContainText("userId");
  await expect(rejected).toContainText("Every call needs a userId or an anonymousId.");
  await page.screenshot({ path: "test-results/users-events-rejected.png" });

  // Catalog: the event name with its property keys and types.
  await page
    .getByRole("navigation", { name: "Event views" })
    .getByRole("link", { name: "Catalog" })
    .click();
  const entry = page.getByRole("row").filter({ hasText: eventName });
  await expect(entry).toContainText("total: number");
  await expect(entry).toContainText("html: string");

  // Users: search by email, open the profile.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" }).click();
  await page.getByLabel("Search").fill(email);
  const userRow = page.getByRole("row").filter({ hasText: email });
  await expect(userRow).toBeVisible();
  await expect(page.getByRole("row")).toHaveCount(2); // header + this user
  await page.screenshot({ path: "test-results/users-events-users.png" });
  await userRow.getByRole("link", { name: `Erin ${run}` }).click();

  await expect(page.getByRole("heading", { level: 1, name: `Erin ${run}` })).toBeVisible();
  const traits = page.getByRole("region", { name: "Traits" });
  await expect(traits).toContainText("plan");
  await expect(traits).toContainText("pro");
  await expect(traits).toContainText(XSS);
  const timeline = page.getByRole("list", { name: "Event timeline, newest first" });
  await expect(timeline).toContainText(eventName);
  await expect(timeline).toContainText(later);
  await expect(timeline).toContainText("Identified");
  expect(await page.evaluate(() => (window as { __cueXss?: number }).__cueXss)).toBeUndefined();
  await page.screenshot({ path: "test-results/users-events-profile.png", fullPage: true });

  // No journey runs yet: the Journeys tab says so, and offers "Why not?".
  await page
    .getByRole("navigation", { name: "Profile views" })
    .getByRole("link", { name: "Journeys" })
    .click();
  await expect(
    page.getByRole("heading", { name: "This user has not entered a journey" }),
  ).toBeVisible();
  await expect(page.getByRole("heading", { name: "Why not?" })).toBeVisible();
});

test("an empty search says what to do next", async ({ page }) => {
  const { workspaceId } = loadState();
  await page.goto(`/w/${workspaceId}/users?q=${encodeURIComponent("no-such-user-anywhere")}`);
  await expect(page.getByRole("heading", { name: "No users match" })).toBeVisible();
  await page.getByRole("button", { name: "Clear filters" }).first().click();
  await expect(page).toHaveURL(new RegExp(`/w/${workspaceId}/users$`));
});
