import { mkdirSync } from "node:fs";
import { expect, test as setup } from "@playwright/test";
import { OWNER, saveState } from "../fixtures";

// First run on an empty database: / sends the visitor to /setup, which
// creates the owner and the first workspace and signs them in.
setup("first-run setup creates the owner and signs in", async ({ page }) => {
  setup.setTimeout(90_000);
  mkdirSync("e2e/.auth", { recursive: true });
  await page.goto("/");
  await expect(page).toHaveURL(/\/setup$/);

  await page.getByLabel("Your name").fill("Olive Owner");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByRole("button", { name: "Create account and workspace" }).click();
  await expect(page.getByText("Enter a valid email address.")).toBeVisible();

  await page.getByLabel("Email").fill(OWNER.email);
  await page.getByLabel("Password (8+ characters)").fill(OWNER.password);
  await page.getByLabel("Workspace name").fill(OWNER.workspaceName);
  await page.getByRole("button", { name: "Create account and workspace" }).click();

  // The first page after setup is the new workspace's home (the first page a fresh server renders).
  await expect(page).toHaveURL(/\/w\/[^/]+$/, { timeout: 30_000 });
  await expect(page.getByRole("heading", { name: "Home", exact: true })).toBeVisible();
  // The secret key is shown this once (Cue keeps only its hash), with a copy button.
  const once = page.getByTestId("secret-shown-once");
  await expect(once).toContainText(/sk_[A-Za-z0-9_-]{32}/);
  await expect(once).toContainText("you won’t see it again");
  await expect(once.getByRole("button", { name: "Copy key" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { name: "Home", exact: true })).toBeVisible();
  await expect(page.getByTestId("secret-shown-once")).toHaveCount(0);
  const workspaceId = new URL(page.url()).pathname.split("/")[2] ?? "";
  saveState({ workspaceId });
  await page.context().storageState({ path: "e2e/.auth/owner.json" });

  // Setup is one-time: the page now sends people to sign-in.
  await page.goto("/setup");
  await expect(page).toHaveURL(/\/sign-in$|\/w\//);
});
