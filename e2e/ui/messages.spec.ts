import { expect, type Page, test } from "@playwright/test";
import { loadState } from "../fixtures";

// A member writes an email and an in-app message with Liquid, previews both
// for a real profile, sees a Liquid error with its line and column, and sends
// tests: without a Resend key the email lands in the Outbox, labelled not
// sent; the in-app message is delivered to the profile's inbox.

async function writeKey(page: Page, workspaceId: string): Promise<string> {
  await page.goto(`/w/${workspaceId}/settings/sources`);
  const key = (await page.getByTestId("write-key").textContent())?.trim() ?? "";
  expect(key).toMatch(/^wk_/);
  return key;
}

async function pickProfile(page: Page, userId: string, name: string) {
  await page.getByLabel("Preview as profile").fill(userId);
  await page
    .getByRole("list", { name: "Matching profiles" })
    .getByRole("button", { name: new RegExp(name) })
    .click();
  await expect(page.getByTestId("picked-profile")).toContainText(name);
}

test("preview for a profile, Liquid errors in place, tests to the Outbox and the inbox", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const { workspaceId } = loadState();
  const run = Date.now().toString(36);
  const userId = `msg-user-${run}`;
  const name = `Mia ${run}`;
  const key = await writeKey(page, workspaceId);
  const identify = await page.request.post("/api/v1/identify", {
    headers: { Authorization: `Basic ${Buffer.from(`${key}:`).toString("base64")}` },
    data: { userId, traits: { name, email: `${userId}@example.test` } },
  });
  expect(identify.ok()).toBe(true);

  // Email: a new template opens in the editor.
  await page.goto(`/w/${workspaceId}/messages/templates`);
  await page.getByRole("button", { name: "New email" }).click();
  await expect(page).toHaveURL(/\/messages\/templates\/[^/]+$/);
  await page.getByLabel("Template name").fill(`Welcome ${run}`);
  await page.getByLabel("Subject").fill(`Welcome ${run}`);
  const body = page.getByLabel("Body", { exact: true });
  await body.fill('Hi {{ profile.traits.name | default: "there" }}');

  // The preview fills the template with the chosen profile's traits.
  const frame = page.frameLocator('iframe[title^="Email preview"]');
  await expect(frame.locator("body")).toContainText("Hi Sam Sample");
  await pickProfile(page, userId, name);
  await expect(frame.locator("body")).toContainText(`Hi ${name}`);
  await page.getByText("mobile (375px)").click();
  await expect(page.locator('iframe[title="Email preview, mobile width"]')).toBeVisible();
  await page.screenshot({ path: "test-results/messages-email-preview.png", fullPage: true });

  // A Liquid syntax error is shown next to the body, with line and column.
  await body.fill('Hi there\n{{ profile.traits.name | default: "there" ');
  const error = page.locator(`#${await body.getAttribute("id")}-error`);
  await expect(error).toContainText(/Line 2, column \d+/);
  // The last good render stays on screen (dimmed) while the error is fixed.
  await expect(frame.locator("body")).toContainText(`Hi ${name}`);
  await page.screenshot({ path: "test-results/messages-liquid-error.png", fullPage: true });
  await body.fill('Hi {{ profile.traits.name | default: "there" }}');
  await expect(error).toHaveCount(0);
  await expect(frame.locator("body")).toContainText(`Hi ${name}`);
  await page.getByRole("button", { name: "Save template" }).click();
  await expect(page.getByText("Saved", { exact: true })).toBeVisible();

  // Send test: no Resend key, so it goes to the Outbox.
  await page.getByRole("button", { name: "Send test" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Outbox (not sent)" })).toBeVisible();

  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Messages" })
    .click();
  await page
    .getByRole("navigation", { name: "Message views" })
    .getByRole("link", { name: "Outbox (not sent)" })
    .click();
  await expect(page.getByText(/were not sent to anyone/)).toBeVisible();
  const outboxRow = page.getByRole("row").filter({ hasText: `[Test] Welcome ${run}` });
  await expect(outboxRow).toContainText("Outbox · not sent");
  await page.screenshot({ path: "test-results/messages-outbox.png", fullPage: true });
  await outboxRow.getByRole("link", { name: `[Test] Welcome ${run}` }).click();
  await expect(page.getByRole("note")).toContainText("Not sent.");
  await expect(page.getByRole("list", { name: "Status timeline" })).toContainText("Outbox");
  await expect(page.frameLocator('iframe[title^="Email preview"]').locator("body")).toContainText(
    `Hi ${name}`,
  );
  await page.screenshot({ path: "test-results/messages-outbox-detail.png", fullPage: true });

  // In-app: a card, previewed as cue.js draws it, sent to the profile.
  await page.goto(`/w/${workspaceId}/messages/templates`);
  await page.getByRole("button", { name: "New in-app message" }).click();
  await expect(page).toHaveURL(/\/messages\/templates\/[^/]+$/);
  await page.getByLabel("Title").fill(`Hello {{ profile.traits.name }} ${run}`);
  await page.getByLabel("Body", { exact: true }).fill("Your **report** is ready.");
  await page.getByLabel("Button label (optional)").fill("Open report");
  await page.getByLabel("Button URL").fill("/reports");
  await page.getByRole("button", { name: "Send test" }).click();
  await expect(
    page.getByText("Choose the profile that should receive the in-app test."),
  ).toBeVisible();
  await pickProfile(page, userId, name);
  const inApp = page.getByTestId("in-app-preview");
  await expect(inApp).toContainText(`Hello ${name} ${run}`);
  await expect(inApp.locator("strong")).toHaveText("report");
  await expect(inApp).toContainText("Open report");
  await page.screenshot({ path: "test-results/messages-in-app-preview.png", fullPage: true });
  // Every kind previews the way cue.js draws it; a tooltip needs its anchor.
  const kind = page.getByLabel("Kind");
  for (const k of ["banner", "modal"]) {
    await kind.selectOption(k);
    await expect(inApp).toContainText(k);
    await expect(inApp).toContainText(`Hello ${name} ${run}`);
    await page.screenshot({ path: `test-results/messages-in-app-${k}.png`, fullPage: true });
  }
  await kind.selectOption("tooltip");
  await expect(page.getByText("A tooltip needs a CSS selector to anchor to.")).toBeVisible();
  await page.getByLabel("Anchor CSS selector").fill("#upgrade");
  await expect(inApp).toContainText("anchored below #upgrade");
  await page.screenshot({ path: "test-results/messages-in-app-tooltip.png", fullPage: true });
  await kind.selectOption("card");
  await expect(inApp).toContainText("Notifications");
  await page.getByRole("button", { name: "Send test" }).click();
  // The result names the person, never the profile's id.
  const sent = page.getByRole("status").filter({ hasText: /Test sent/ });
  await expect(sent).toContainText(`Test sent to ${name} (${userId}@example.test)`);
  await expect(sent).not.toContainText(/[0-9a-f]{8}-[0-9a-f]{4}-/);

  // The Messages list shows it as sent to that profile; filter by channel.
  await page.goto(`/w/${workspaceId}/messages?channel=in_app`);
  const inAppRow = page.getByRole("row").filter({ hasText: `Hello ${name} ${run}` });
  await expect(inAppRow).toContainText(userId);
  await expect(inAppRow).toContainText("sent");
  await expect(page.getByRole("row").filter({ hasText: `[Test] Welcome ${run}` })).toHaveCount(0);
  await page.screenshot({ path: "test-results/messages-list-in-app.png", fullPage: true });
  await inAppRow.getByRole("link", { name: "This profile's messages" }).click();
  await expect(page).toHaveURL(new RegExp(`user=${userId}`));
  await expect(page.getByLabel("User", { exact: true })).toHaveValue(userId);
  await expect(page.getByRole("row").filter({ hasText: `Hello ${name} ${run}` })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: `[Test] Welcome ${run}` })).toBeVisible();

  // The filter takes what a marketer knows: the email (any case) or the user id.
  const userFilter = page.getByLabel("User", { exact: true });
  await userFilter.fill(`${userId}@EXAMPLE.test`.toUpperCase());
  await page.getByLabel("Channel").selectOption("");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/user=MSG-USER-/);
  await expect(page.getByRole("row").filter({ hasText: `Hello ${name} ${run}` })).toBeVisible();
  await expect(page.getByRole("row")).toHaveCount(3); // the header and this user's two
  await userFilter.fill("nobody@example.test");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByRole("alert")).toContainText("No user in this workspace");
  await expect(page.getByRole("row")).toHaveCount(0);

  // The profile's Messages tab lists the same two messages.
  await page.goto(`/w/${workspaceId}/users`);
  await page.getByRole("link", { name }).first().click();
  await page
    .getByRole("navigation", { name: "Profile views" })
    .getByRole("link", { name: "Messages" })
    .click();
  await expect(page).toHaveURL(/tab=messages/);
  await expect(page.getByText("No messages")).toHaveCount(0);
  await expect(page.getByRole("row").filter({ hasText: `Hello ${name} ${run}` })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: `[Test] Welcome ${run}` })).toBeVisible();
  await page.screenshot({ path: "test-results/messages-profile-tab.png", fullPage: true });
  await page.getByRole("link", { name: /on the Messages page/ }).click();
  await expect(page.getByLabel("User", { exact: true })).toHaveValue(userId);
  await page.goBack();
  await page.goto(`/w/${workspaceId}/messages?user=${userId}`);
  await page
    .getByRole("row")
    .filter({ hasText: `Hello ${name} ${run}` })
    .getByRole("link", { name: `Hello ${name} ${run}` })
    .click();
  await expect(page.getByTestId("in-app-preview")).toContainText(`Hello ${name} ${run}`);
  await page.screenshot({ path: "test-results/messages-in-app-detail.png", fullPage: true });
});
