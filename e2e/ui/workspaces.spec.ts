import { expect, test } from "@playwright/test";
import { loadState, OWNER } from "../fixtures";

test("an owner creates a second workspace and switches between the two", async ({ page }) => {
  const { workspaceId } = loadState();
  await page.goto(`/w/${workspaceId}/journeys`);
  await page.getByText("New workspace").click();
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByText("Give the workspace a name.")).toBeVisible();

  await page.getByLabel("Workspace name").fill("Second Co");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(/\/w\/[^/]+\/settings$/);
  const secondId = new URL(page.url()).pathname.split("/")[2] ?? "";
  expect(secondId).not.toBe(workspaceId);
  await expect(page.getByText("Workspace “Second Co”")).toBeVisible();
  // Its secret key, shown this once (Cue keeps only its hash).
  await expect(page.getByTestId("secret-shown-once")).toContainText(/sk_[A-Za-z0-9_-]{32}/);
  // Its own keys, and its creator is its only member, as owner.
  await expect(page.getByRole("cell", { name: OWNER.email })).toBeVisible();

  await page.getByText("Switch workspace").click();
  await page.getByRole("link", { name: OWNER.workspaceName }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${workspaceId}$`), { timeout: 30_000 });
  await page.getByText("Switch workspace").click();
  await page.getByRole("link", { name: "Second Co" }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${secondId}$`), { timeout: 30_000 });
  await expect(page.getByRole("heading", { level: 1, name: "Home" })).toBeVisible();
});

test("an owner changes a member's role, removes them and revokes an invite", async ({
  page,
  browser,
}) => {
  const created = await page.request.post("/api/workspaces", { data: { name: "Team Co" } });
  expect(created.status()).toBe(201);
  const { workspaceId } = (await created.json()) as { workspaceId: string };
  const invited = await page.request.post(`/api/w/${workspaceId}/invites`, {
    data: { role: "editor" },
  });
  const { url } = (await invited.json()) as { url: string };
  const email = `editor-${Date.now()}@e2e.test`;
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const editor = await context.newPage();
  await editor.goto(url);
  await editor.getByLabel("Your name").fill("Eddie Editor");
  await editor.getByLabel("Email").fill(email);
  await editor.getByLabel("Password (8+ characters)").fill("editor-password-1");
  await editor.getByRole("button", { name: "Join workspace" }).click();
  await expect(editor).toHaveURL(new RegExp(`/w/${workspaceId}$`), { timeout: 30_000 });
  await context.close();

  await page.goto(`/w/${workspaceId}/settings`);
  const members = page.getByRole("region", { name: "Members" });
  const patched = page.waitForResponse((r) => r.request().method() === "PATCH");
  await members.getByLabel(`Role of ${email}`).selectOption("viewer");
  expect((await patched).status()).toBe(200);
  await expect(members.getByLabel(`Role of ${email}`)).toHaveValue("viewer");
  await page.reload();
  await expect(members.getByLabel(`Role of ${email}`)).toHaveValue("viewer");

  // The last owner cannot step down.
  await members.getByLabel(`Role of ${OWNER.email}`).selectOption("admin");
  await expect(members.getByRole("alert")).toContainText("must keep an owner");
  await page.reload();
  await expect(members.getByLabel(`Role of ${OWNER.email}`)).toHaveValue("owner");

  page.once("dialog", (dialog) => dialog.accept());
  await members.getByRole("row", { name: email }).getByRole("button", { name: "Remove" }).click();
  await expect(members.getByRole("cell", { name: email })).toHaveCount(0);

  // A new link is listed once, with its role and expiry, and can be copied.
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await members.getByLabel("Invite with role").selectOption("viewer");
  await members.getByRole("button", { name: "Create invite link" }).click();
  await expect(
    members.getByRole("status").filter({ hasText: "New viewer invite link" }),
  ).toBeVisible();
  const link = members.getByTestId("invite-link");
  await expect(link).toHaveCount(1);
  await expect(link).toHaveText(/^http:\/\/localhost:\d+\/invite\/[\w-]+$/);
  const row = members.getByRole("listitem").filter({ has: page.getByTestId("invite-link") });
  await expect(row).toContainText("Viewer");
  await expect(row).toContainText(/expires \w{3}, \w{3} \d+, \d{4}/);
  await row.getByRole("button", { name: "Copy link: Viewer invite" }).click();
  await expect(row.getByRole("status")).toHaveText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await link.textContent());

  // Revoking removes it from the list and says the link no longer works.
  await row.getByRole("button", { name: "Revoke Viewer invite" }).click();
  await expect(
    members.getByRole("status").filter({ hasText: "viewer invite link was revoked" }),
  ).toBeVisible();
  await expect(members.getByTestId("invite-link")).toHaveCount(0);
  await expect(members.getByRole("button", { name: "Revoke" })).toHaveCount(0);
  const open = await page.request.get(`/api/w/${workspaceId}/invites`);
  expect(((await open.json()) as { invites: unknown[] }).invites).toEqual([]);
});
