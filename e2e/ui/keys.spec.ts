import { expect, test } from "@playwright/test";
import { loadState } from "../fixtures";

test("a secret key is shown once at rotation, then only by its prefix; named keys are revocable", async ({
  page,
}) => {
  const { workspaceId } = loadState();
  await page.goto(`/w/${workspaceId}/settings`);
  const keys = page.getByRole("region", { name: "API keys" });
  const before = (await keys.getByTestId("secret-key").textContent())?.trim() ?? "";
  expect(before).toMatch(/^sk_.{5}…/);

  page.once("dialog", (dialog) => dialog.accept());
  await keys.getByRole("button", { name: "Rotate secret key" }).click();
  const once = keys.getByTestId("secret-shown-once");
  await expect(once).toContainText("you won’t see it again");
  const key = (await once.locator("code").textContent())?.trim() ?? "";
  expect(key).toMatch(/^sk_[A-Za-z0-9_-]{32}$/);
  await expect(keys.getByTestId("secret-key")).toHaveText(`${key.slice(0, 8)}…`);
  const works = await page.request.get("/api/v1/journeys", {
    headers: { authorization: `Bearer ${key}` },
  });
  expect(works.status()).toBe(200);

  // After a reload the key is gone for good: the page has only its prefix.
  await page.reload();
  await expect(page.getByTestId("secret-shown-once")).toHaveCount(0);
  await expect(page.getByTestId("secret-key")).toHaveText(`${key.slice(0, 8)}…`);
  expect(await page.content()).not.toContain(key);

  // A named key for one service, shown once, then revoked.
  const panel = page.getByRole("region", { name: "API keys" });
  await panel.getByRole("button", { name: "Create secret key" }).click();
  await expect(panel.getByText("Give the key a name")).toBeVisible();
  await panel.getByLabel(/Another secret key/).fill("Billing service");
  await panel.getByRole("button", { name: "Create secret key" }).click();
  const named = (await panel.getByTestId("secret-shown-once").locator("code").textContent()) ?? "";
  expect(named).toMatch(/^sk_/);
  const auth = { authorization: `Bearer ${named.trim()}` };
  expect((await page.request.get("/api/v1/journeys", { headers: auth })).status()).toBe(200);
  page.once("dialog", (dialog) => dialog.accept());
  await panel.getByRole("button", { name: "Revoke secret key Billing service" }).click();
  await expect(
    panel.getByRole("button", { name: "Revoke secret key Billing service" }),
  ).toHaveCount(0);
  expect((await page.request.get("/api/v1/journeys", { headers: auth })).status()).toBe(401);
});

test("the inbox signing secret is readable by admins and rotates with a grace period", async ({
  page,
}) => {
  const { workspaceId } = loadState();
  await page.goto(`/w/${workspaceId}/settings`);
  const panel = page.getByRole("region", { name: "Inbox signing secret" });
  const shown = panel.getByTestId("inbox-signing-secret");
  await expect(shown).toContainText("•");
  await panel.getByRole("button", { name: "Reveal" }).click();
  const first = (await shown.textContent())?.trim() ?? "";
  expect(first).toMatch(/^(iss|sk)_/);

  page.once("dialog", (dialog) => dialog.accept());
  await panel.getByRole("button", { name: "Rotate (old secret valid 24 h)" }).click();
  await expect(panel.getByTestId("inbox-previous-secret")).toContainText(first.slice(0, 8));
  const second = (await shown.textContent())?.trim() ?? "";
  expect(second).not.toBe(first);

  page.once("dialog", (dialog) => dialog.accept());
  await panel.getByRole("button", { name: "Stop accepting it now" }).click();
  await expect(panel.getByTestId("inbox-previous-secret")).toHaveCount(0);
});
