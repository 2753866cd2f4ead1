import { expect, test } from "@playwright/test";
import { loadState, OWNER } from "../fixtures";

test("the signed-in shell navigates every section", async ({ page }) => {
  const { workspaceId } = loadState();
  await page.goto("/");
  // Marketers land on the home page (activation).
  await expect(page).toHaveURL(new RegExp(`/w/${workspaceId}$`), { timeout: 30_000 });
  await expect(page.getByRole("heading", { level: 1, name: "Home" })).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Home" })).toHaveAttribute("aria-current", "page");
  for (const section of [
    "Messages",
    "Users",
    "Events",
    "Analytics",
    "Settings",
    "Journeys",
    "Home",
  ]) {
    await nav.getByRole("link", { name: section }).click();
    // Analytics reads the workspace's whole history on the server: allow a slow machine time.
    await expect(page.getByRole("heading", { level: 1, name: section })).toBeVisible({
      timeout: 15_000,
    });
    await expect(nav.getByRole("link", { name: section })).toHaveAttribute("aria-current", "page");
  }
  await page.screenshot({ path: "test-results/shell-journeys.png" });
});

test("sign out, a wrong password is refused, the right one signs in", async ({ browser }) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(OWNER.email);
  await page.getByLabel("Password").fill("definitely-wrong");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText(/don't match/)).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);

  await page.getByLabel("Password").fill(OWNER.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/w\/[^/]+$/, { timeout: 30_000 });

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
  await context.close();
});

test("signed-out visitors are redirected from admin pages", async ({ browser }) => {
  const { workspaceId } = loadState();
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  for (const section of ["journeys", "users", "settings"]) {
    await page.goto(`/w/${workspaceId}/${section}`);
    await expect(page).toHaveURL(/\/sign-in/);
  }
  await context.close();
});
