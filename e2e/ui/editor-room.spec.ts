import { expect, type Locator, type Page, test } from "@playwright/test";
import { loadState } from "../fixtures";

// Room to work in the journey editor at 1280×800: a journey saved with its
// nodes stacked on each other opens laid out (and not re-saved), the palette
// and inspector collapse to rails to widen the canvas, the minimap stays out
// of the way, and "New journey" asks for a name first.

type Box = { x: number; y: number; width: number; height: number };

const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function boxes(nodes: Locator): Promise<Box[]> {
  const all: Box[] = [];
  for (const node of await nodes.all()) {
    const box = await node.boundingBox();
    if (!box) throw new Error("a node has no box");
    all.push(box);
  }
  return all;
}

/** Every node inside the canvas, and the graph centred in it (as a fit leaves it). */
async function expectFitted(page: Page) {
  await expect(async () => {
    const canvas = (await page.locator(".react-flow").boundingBox()) as Box;
    const all = await boxes(page.locator(".react-flow__node"));
    const left = Math.min(...all.map((b) => b.x));
    const right = Math.max(...all.map((b) => b.x + b.width));
    for (const box of all) {
      expect(box.x).toBeGreaterThanOrEqual(canvas.x - 1);
      expect(box.x + box.width).toBeLessThanOrEqual(canvas.x + canvas.width + 1);
    }
    expect(Math.abs((left + right) / 2 - (canvas.x + canvas.width / 2))).toBeLessThan(20);
  }).toPass({ timeout: 5_000 });
}

const delay = (id: string, amount: number, y: number) => ({
  id,
  type: "delay",
  delay: { kind: "duration", duration: { amount, unit: "hours" } },
  position: { x: 0, y },
});

async function createStacked(page: Page, workspaceId: string) {
  const created = await page.request.post(`/api/w/${workspaceId}/journeys`, {
    data: {
      name: `Stacked ${Date.now().toString(36)}`,
      definition: {
        version: 1,
        // 60 px apart, while each node is taller than that: every box overlaps the next.
        nodes: [
          {
            id: "trigger",
            type: "trigger",
            trigger: { kind: "event", event: "Signed Up" },
            position: { x: 0, y: 0 },
          },
          delay("wait-a", 1, 60),
          delay("wait-b", 2, 120),
          delay("wait-c", 3, 180),
          { id: "done", type: "exit", position: { x: 0, y: 240 } },
        ],
        edges: [
          { from: "trigger", to: "wait-a" },
          { from: "wait-a", to: "wait-b" },
          { from: "wait-b", to: "wait-c" },
          { from: "wait-c", to: "done" },
        ],
        settings: { reentry: { mode: "once" }, holdoutPercent: 0 },
      },
    },
  });
  expect(created.status()).toBe(201);
  return ((await created.json()) as { journey: { id: string; draftRevision: number } }).journey;
}

test("a journey with overlapping nodes opens laid out, without saving", async ({ page }) => {
  const { workspaceId } = loadState();
  await page.addInitScript(() => window.localStorage.clear());
  const journey = await createStacked(page, workspaceId);
  await page.goto(`/w/${workspaceId}/journeys/${journey.id}`);
  const nodes = page.locator(".react-flow__node");
  await expect(nodes).toHaveCount(5);

  const canvas = (await page.locator(".react-flow").boundingBox()) as Box;
  await expect(async () => {
    const all = await boxes(nodes);
    for (let i = 0; i < all.length; i++) {
      for (let j = i + 1; j < all.length; j++) {
        expect(overlap(all[i], all[j]), `nodes ${i} and ${j} overlap`).toBe(false);
      }
    }
    // Fitted: every node is inside the canvas.
    for (const box of all) {
      expect(box.y).toBeGreaterThanOrEqual(canvas.y - 1);
      expect(box.y + box.height).toBeLessThanOrEqual(canvas.y + canvas.height + 1);
    }
  }).toPass({ timeout: 10_000 });
  // The minimap is off until asked for.
  await expect(page.getByRole("img", { name: "Minimap" })).toHaveCount(0);
  await page.getByRole("button", { name: "Minimap" }).click();
  await expect(page.getByRole("button", { name: "Minimap" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await expect(page.locator(".react-flow__minimap")).toBeVisible();

  // Opening is not an edit: nothing was saved, the stored positions are as they were.
  await page.waitForTimeout(1_500);
  await expect(page.getByTestId("save-status")).toHaveText("All changes saved");
  const stored = (await (
    await page.request.get(`/api/w/${workspaceId}/journeys/${journey.id}`)
  ).json()) as { journey: { draftRevision: number; draft: { nodes: { position: Box }[] } } };
  expect(stored.journey.draftRevision).toBe(journey.draftRevision);
  expect(stored.journey.draft.nodes.map((n) => n.position.y)).toEqual([0, 60, 120, 180, 240]);
});

test("the palette and the inspector collapse to rails, and stay so", async ({ page }) => {
  const { workspaceId } = loadState();
  const journey = await createStacked(page, workspaceId);
  await page.goto(`/w/${workspaceId}/journeys/${journey.id}`);
  await page.evaluate(() => window.localStorage.clear());
  await page.reload();
  const canvas = page.locator(".react-flow");
  await expect(page.locator(".react-flow__node")).toHaveCount(5);
  const before = ((await canvas.boundingBox()) as Box).width;

  await page.getByRole("button", { name: "Collapse palette" }).click();
  await expect(page.getByRole("button", { name: "Add Send email" })).toHaveCount(0);
  const expand = page.getByRole("button", { name: "Expand palette" });
  await expect(expand).toHaveAttribute("aria-expanded", "false");
  // Keyboard: the inspector's toggle is a plain button.
  await page.getByRole("button", { name: "Collapse inspector" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: "Expand inspector" })).toBeVisible();
  const after = ((await canvas.boundingBox()) as Box).width;
  // The palette (160 px) and inspector (320 px) shrink to 40 px rails.
  expect(after).toBeGreaterThan(before + 350);
  // The view follows: the graph is fitted again, centred in the wider canvas, every node in it.
  await expectFitted(page);
  // And again when a panel comes back.
  await page.getByRole("button", { name: "Expand inspector" }).click();
  await expectFitted(page);
  await page.getByRole("button", { name: "Collapse inspector" }).click();

  // Remembered across a reload.
  await page.reload();
  await expect(page.getByRole("button", { name: "Expand palette" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Expand inspector" })).toBeVisible();
  await page.getByRole("button", { name: "Expand palette" }).click();
  await page.getByRole("button", { name: "Expand inspector" }).click();
  await expect(page.getByRole("button", { name: "Add Send email" })).toBeVisible();
  await expect(page.getByRole("complementary", { name: "Inspector" })).toContainText(/\w/);
  await page.evaluate(() => window.localStorage.clear());
});

test('"New journey" asks for a name, and offers a template instead', async ({ page }) => {
  const { workspaceId } = loadState();
  await page.goto(`/w/${workspaceId}/journeys`);
  await page.getByRole("button", { name: "New journey" }).click();
  const dialog = page.getByRole("dialog", { name: "New journey" });
  await expect(dialog.getByLabel("Journey name")).toBeFocused();
  // Nothing is created until there is a name.
  await dialog.getByLabel("Journey name").fill("   ");
  await dialog.getByRole("button", { name: "Create journey" }).click();
  await expect(dialog.getByText("Give the journey a name.")).toBeVisible();
  await expect(page).toHaveURL(/\/journeys$/);
  // The template gallery is one click away.
  await dialog.getByRole("button", { name: "Start from template" }).click();
  await expect(dialog).toBeHidden();
  const gallery = page.getByRole("dialog", { name: "Start from a template" });
  await expect(gallery).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(gallery).toBeHidden();

  await page.getByRole("button", { name: "New journey" }).click();
  const name = `Named ${Date.now().toString(36)}`;
  await dialog.getByLabel("Journey name").fill(name);
  await dialog.getByLabel("Journey name").press("Enter");
  await expect(page).toHaveURL(/\/journeys\/[^/]+$/, { timeout: 30_000 });
  await expect(page.getByRole("textbox", { name: /journey name/i })).toHaveValue(name);
});
