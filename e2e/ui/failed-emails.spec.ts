import { expect, test } from "@playwright/test";
import { insertFailedEmail } from "../e2e-database";
import { loadState } from "../fixtures";

// Messages → Failed: the dead-letter view lists failed emails with the
// provider's reason and the attempts; an editor retries a selection, and a
// message whose idempotency key expired needs an explicit confirmation.

test("failed emails: listed with reason and attempts, retried, an expired key confirmed", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const { workspaceId } = loadState();
  const run = Date.now().toString(36);
  const userId = `failed-user-${run}`;
  await page.goto(`/w/${workspaceId}/settings/sources`);
  const key = (await page.getByTestId("write-key").textContent())?.trim() ?? "";
  const identify = await page.request.post("/api/v1/identify", {
    headers: { Authorization: `Basic ${Buffer.from(`${key}:`).toString("base64")}` },
    data: { userId, traits: { email: `${userId}@example.test` } },
  });
  expect(identify.ok()).toBe(true);
  await expect
    .poll(async () => {
      try {
        await insertFailedEmail(workspaceId, userId, {
          subject: `Fresh ${run}`,
          firstAttemptHoursAgo: 1,
        });
        return true;
      } catch {
        return false;
      }
    })
    .toBe(true);
  await insertFailedEmail(workspaceId, userId, {
    subject: `Old ${run}`,
    firstAttemptHoursAgo: 30,
  });

  await page.goto(`/w/${workspaceId}/messages`);
  await page.getByRole("link", { name: "Failed" }).click();
  await expect(page).toHaveURL(/tab=failed/);
  const fresh = page.getByRole("row").filter({ hasText: `Fresh ${run}` });
  const old = page.getByRole("row").filter({ hasText: `Old ${run}` });
  await expect(fresh).toContainText("The domain is not verified. (422)");
  await expect(fresh.getByRole("cell").last()).toHaveText("1");

  // A fresh one retries with its key at once.
  await fresh.getByRole("checkbox").check();
  await page.getByRole("button", { name: "Retry selected (1)" }).click();
  await expect(page.getByRole("status")).toContainText("1 email queued again");
  await expect(fresh).toHaveCount(0);

  // An old one (key expired) asks first.
  await old.getByRole("checkbox").check();
  await page.getByRole("button", { name: "Retry selected (1)" }).click();
  const dialog = page.getByRole("alertdialog", { name: "Retry with a new key?" });
  await expect(dialog).toContainText("newKey: true");
  await dialog.getByRole("button", { name: "Retry with new keys" }).click();
  await expect(page.getByRole("status")).toContainText("1 email queued again (1 with a new key)");
  await expect(old).toHaveCount(0);
});
