import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { loadState } from "../fixtures";

// The webhook and update-profile steps in the builder: every control has a
// label (found by it, and axe finds no serious violation in the inspector),
// a secret header's value is masked after a reload and never comes back
// from the API.

const node = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
const inspector = (page: Page) => page.getByRole("complementary", { name: "Inspector" });

async function waitSaved(page: Page) {
  await expect(page.getByTestId("save-status")).toHaveText("All changes saved", {
    timeout: 15_000,
  });
}

async function noSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).include('[aria-label="Inspector"]').analyze();
  const blocking = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(blocking).toEqual([]);
}

test("webhook and update-profile steps: labelled forms, write-only secret", async ({ page }) => {
  test.setTimeout(120_000);
  const { workspaceId } = loadState();
  await page.goto(`/w/${workspaceId}/journeys`);
  await page.getByRole("button", { name: "New journey" }).click();
  await page.getByLabel("Journey name").fill(`Steps ${Date.now().toString(36)}`);
  await page.getByRole("button", { name: "Create journey" }).click();
  await expect(page).toHaveURL(/\/journeys\/[^/]+$/, { timeout: 30_000 });
  const journeyId = new URL(page.url()).pathname.split("/").at(-1) ?? "";
  await node(page, "trigger").click();
  const panel = inspector(page);

  await page.getByRole("button", { name: "Add Webhook" }).click();
  await expect(node(page, "webhook-1")).toBeVisible();
  await expect(panel.getByRole("heading", { name: "Webhook" })).toBeVisible();
  await panel.getByLabel("Method").selectOption("PUT");
  await panel.getByLabel("URL").fill("https://crm.example.com/contacts");
  await panel.getByRole("button", { name: "Add header" }).click();
  await panel.getByLabel("Header 1 name").fill("Authorization");
  await panel.getByLabel("Secret (write-only)").check();
  await panel.getByLabel("Header 1 value (secret)").fill("Bearer t0ken-e2e");
  await expect(
    panel.getByLabel("Counts as a message (frequency budget, holdout, message limit)"),
  ).not.toBeChecked();
  await noSeriousViolations(page);
  await waitSaved(page);

  await node(page, "webhook-1").click();
  await page.getByRole("button", { name: "Add Update profile" }).click();
  await expect(panel.getByRole("heading", { name: "Update profile" })).toBeVisible();
  await panel.getByLabel("Trait of change 1").fill("onboarding_nudged");
  await panel.getByLabel("Value of change 1").fill("true");
  await panel.getByRole("button", { name: "Add a trait change" }).click();
  await panel.getByLabel("Change 2", { exact: true }).selectOption("increment");
  await panel.getByLabel("Trait of change 2").fill("nudges_sent");
  await panel.getByLabel("Amount of change 2").fill("1");
  await noSeriousViolations(page);
  await waitSaved(page);

  const answer = await page.request.get(`/api/w/${workspaceId}/journeys/${journeyId}`);
  expect(answer.status()).toBe(200);
  const text = await answer.text();
  expect(text).not.toContain("t0ken-e2e");
  expect(text).toContain("secretId");
  expect(text).toContain('"nudges_sent"');

  await page.reload();
  await node(page, "webhook-1").click();
  await expect(panel.getByLabel("Header 1 value (secret)")).toHaveValue("••••");
  await expect(panel.getByRole("button", { name: "Replace" })).toBeVisible();
});
