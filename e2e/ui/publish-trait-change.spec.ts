import { expect, type Page, test } from "@playwright/test";
import { loadState } from "../fixtures";

// A trait-change journey enters on changes seen after it goes live. Publishing
// says how many people match now and lets the editor enter them too.

async function writeKey(page: Page, workspaceId: string): Promise<string> {
  await page.goto(`/w/${workspaceId}/settings/sources`);
  const key = (await page.getByTestId("write-key").textContent())?.trim() ?? "";
  expect(key).toMatch(/^wk_/);
  return key;
}

test("publishing a trait-change journey shows who matches now and can enter them", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const { workspaceId } = loadState();
  const run = Date.now().toString(36);
  const trait = `tier_${run}`;
  const key = await writeKey(page, workspaceId);

  const identified = await page.request.post("/api/v1/batch", {
    headers: { Authorization: `Basic ${Buffer.from(`${key}:`).toString("base64")}` },
    data: {
      batch: [
        { type: "identify", userId: `tc-${run}-1`, traits: { [trait]: "gold" } },
        { type: "identify", userId: `tc-${run}-2`, traits: { [trait]: "gold" } },
        { type: "identify", userId: `tc-${run}-3`, traits: { [trait]: "silver" } },
      ],
    },
  });
  expect(identified.status()).toBe(200);

  const created = await page.request.post(`/api/w/${workspaceId}/journeys`, {
    data: {
      name: `Became gold ${run}`,
      definition: {
        version: 1,
        nodes: [
          {
            id: "trigger",
            type: "trigger",
            position: { x: 0, y: 0 },
            trigger: {
              kind: "trait_change",
              conditions: [{ kind: "trait", path: trait, operator: "eq", value: "gold" }],
            },
          },
          {
            id: "welcome",
            type: "send_inapp",
            position: { x: 0, y: 120 },
            content: { kind: "card", title: "Welcome to gold", body: "Thanks for upgrading." },
          },
          { id: "end", type: "exit", position: { x: 0, y: 240 } },
        ],
        edges: [
          { from: "trigger", to: "welcome" },
          { from: "welcome", to: "end" },
        ],
        settings: { reentry: { mode: "once" }, holdoutPercent: 0 },
      },
    },
  });
  expect(created.status()).toBe(201);
  const journeyId = ((await created.json()) as { journey: { id: string } }).journey.id;

  await page.goto(`/w/${workspaceId}/journeys/${journeyId}`);
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Publish this journey" });
  await expect(dialog.getByTestId("matching-now")).toContainText("2 people match now");
  await dialog.getByLabel("Also enter the 2 people who match now").check();
  await page.screenshot({ path: "test-results/publish-trait-change.png" });
  await dialog.getByRole("button", { name: "Publish" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("journey-status")).toHaveText("Live");

  await expect(async () => {
    const response = await page.request.get(`/api/w/${workspaceId}/journeys/${journeyId}/runs`);
    const { runs } = (await response.json()) as { runs: { profile?: { userId?: string } }[] };
    expect(runs).toHaveLength(2);
  }).toPass({ timeout: 20_000 });
});
