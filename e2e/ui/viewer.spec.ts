import { expect, test } from "@playwright/test";
import { loadState } from "../fixtures";

// An owner invites a viewer by link; the viewer can look but not change.
test("a viewer cannot rotate keys or invite", async ({ page, browser }) => {
  const { workspaceId } = loadState();
  const created = await page.request.post(`/api/w/${workspaceId}/invites`, {
    data: { role: "viewer" },
  });
  expect(created.status()).toBe(201);
  const { url } = (await created.json()) as { url: string };

  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const viewer = await context.newPage();
  await viewer.goto(url);
  await viewer.getByLabel("Your name").fill("Vic Viewer");
  await viewer.getByLabel("Email").fill(`viewer-${Date.now()}@e2e.test`);
  await viewer.getByLabel("Password (8+ characters)").fill("viewer-password-1");
  await viewer.getByRole("button", { name: "Join workspace" }).click();
  await expect(viewer).toHaveURL(new RegExp(`/w/${workspaceId}$`), { timeout: 30_000 });

  await viewer.goto(`/w/${workspaceId}/settings`);
  await expect(
    viewer.getByRole("complementary").getByText("Viewer", { exact: true }),
  ).toBeVisible();
  await expect(viewer.getByRole("button", { name: "Rotate write key" })).toBeDisabled();
  await expect(viewer.getByRole("button", { name: "Create invite link" })).toBeDisabled();

  // The server refuses too, whatever the UI shows.
  const rotate = await viewer.request.post(`/api/w/${workspaceId}/keys/write/rotate`);
  expect(rotate.status()).toBe(403);
  expect(((await rotate.json()) as { error: { code: string } }).error.code).toBe("forbidden");
  const invite = await viewer.request.post(`/api/w/${workspaceId}/invites`, {
    data: { role: "admin" },
  });
  expect(invite.status()).toBe(403);
  await context.close();
});
