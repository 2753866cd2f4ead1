import { expect, type Locator, type Page, test } from "@playwright/test";
import { loadState } from "../fixtures";

// A growth marketer builds the activation nudge (Signed Up → wait for Report
// Created, 1 day → in-app message) with the pickers only: a search fragment
// and a click, never a whole event name typed out. Every problem on the way
// is a sentence naming the step by what it is, never a node id, and the
// publish dialog shows what blocks before it asks for a note.

async function writeKey(page: Page, workspaceId: string): Promise<string> {
  await page.goto(`/w/${workspaceId}/settings/sources`);
  const key = (await page.getByTestId("write-key").textContent())?.trim() ?? "";
  expect(key).toMatch(/^wk_/);
  return key;
}

async function ingest(page: Page, key: string, batch: unknown[]) {
  const response = await page.request.post("/api/v1/batch", {
    headers: { Authorization: `Basic ${Buffer.from(`${key}:`).toString("base64")}` },
    data: { batch },
  });
  expect(response.status()).toBe(200);
}

/** The demo's activation events, so the catalog has them (the e2e database has no demo seed). */
async function seedCatalog(page: Page, workspaceId: string) {
  const key = await writeKey(page, workspaceId);
  const userId = `picker-${Date.now().toString(36)}`;
  await ingest(page, key, [
    { type: "track", userId, event: "Signed Up" },
    { type: "track", userId, event: "Report Created", properties: { template: "funnel" } },
    { type: "track", userId, event: "Report Shared" },
  ]);
}

const node = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
const inspector = (page: Page) => page.getByRole("complementary", { name: "Inspector" });

/** Types a fragment into a picker and clicks the suggestion: no full name typed. */
async function pick(scope: Locator, label: string, fragment: string, option: string) {
  const field = scope.getByRole("combobox", { name: label, exact: true });
  await field.click();
  await field.fill(fragment);
  await scope
    .getByRole("listbox", { name: "Suggestions" })
    .getByRole("option", { name: option, exact: true })
    .click();
  await expect(field).toHaveValue(option);
}

async function waitSaved(page: Page) {
  await expect(page.getByTestId("save-status")).toHaveText("All changes saved", {
    timeout: 15_000,
  });
}

test("a marketer builds the activation nudge with pickers, in words they understand", async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const { workspaceId } = loadState();
  await seedCatalog(page, workspaceId);

  await page.goto(`/w/${workspaceId}/journeys`);
  await page.getByRole("button", { name: "New journey" }).click();
  await page.getByLabel("Journey name").fill(`Blank ${Date.now().toString(36)}`);
  await page.getByRole("button", { name: "Create journey" }).click();
  await expect(page).toHaveURL(/\/journeys\/[^/]+$/, { timeout: 30_000 });
  await expect(node(page, "trigger")).toBeVisible();

  // A blank journey opens with a gentle checklist, not an error.
  const panel = inspector(page);
  const checklist = panel.getByRole("region", { name: "Validation issues" });
  await expect(checklist).toContainText("Before you can publish: 1 thing to do");
  await expect(checklist).toContainText("Choose the event that starts this journey");
  await expect(page.locator("main").getByRole("alert")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Publish (1 thing to fix)" })).toBeVisible();

  // The name is never clipped, and the header keeps its height.
  const header = page.locator("header").filter({ has: page.getByLabel("Journey name") });
  const before = (await header.boundingBox())!.height;
  const name = "Activation nudge for people who signed up but never created a report";
  await page.getByLabel("Journey name").fill(name);
  await waitSaved(page);
  const clipped = await page
    .getByLabel("Journey name")
    .evaluate((input: HTMLInputElement) => input.scrollWidth > input.clientWidth);
  expect(clipped).toBe(false);
  expect((await header.boundingBox())!.height).toBe(before);

  // Trigger: "Sig" is allowed but flagged; choosing replaces what was typed.
  await node(page, "trigger").click();
  const eventName = panel.getByRole("combobox", { name: "Event name", exact: true });
  await eventName.click();
  await eventName.fill("Sig");
  await expect(panel.getByTestId("unseen-name")).toHaveText("No 'Sig' events yet");
  await expect(node(page, "trigger").getByTestId("node-warning")).toHaveText("No 'Sig' events yet");
  await panel.getByRole("option", { name: "Signed Up", exact: true }).click();
  await expect(eventName).toHaveValue("Signed Up");
  await expect(panel.getByTestId("unseen-name")).toHaveCount(0);
  await expect(node(page, "trigger").getByTestId("node-warning")).toHaveCount(0);

  // Wait for Report Created, up to a day.
  await page.getByRole("button", { name: "Add Wait for event" }).click();
  await expect(node(page, "wait-1")).toBeVisible();
  await pick(panel, "Wait for event", "rep", "Report Created");
  await panel.getByLabel("Give up after: amount").fill("1");
  await panel.getByLabel("Give up after: unit").selectOption("days");
  await waitSaved(page);

  // The free "Timed out" exit is named with the step, and blocks publishing
  // before any note is asked for.
  const dangling = "Connect the 'Timed out' exit of 'Wait for Report Created' to a next step";
  await expect(node(page, "wait-1")).toContainText(dangling);
  await page.getByRole("button", { name: "Publish (1 thing to fix)" }).click();
  const publish = page.getByRole("dialog", { name: "Publish this journey" });
  await expect(publish.getByRole("alert")).toContainText(dangling);
  await expect(publish.getByLabel(/What changed/)).toHaveCount(0);
  await expect(publish.getByRole("button", { name: "Publish", exact: true })).toBeDisabled();
  await testInfo.attach("publish-blocked", {
    body: await page.screenshot(),
    contentType: "image/png",
  });
  await publish.getByRole("button", { name: dangling }).click();
  await expect(publish).toBeHidden();
  await expect(node(page, "wait-1")).toHaveClass(/selected/);

  // The in-app message goes on that exit; its own exit is wired from the inspector.
  await page.getByRole("button", { name: "Add Send in-app" }).click();
  await expect(node(page, "inapp-1")).toBeVisible();
  await panel.getByRole("button", { name: "Edit message" }).click();
  const message = page.getByRole("dialog", { name: /In-app message/ });
  await expect(message).not.toContainText("inapp-1");
  await message.getByLabel("Title").fill("Your first report takes two minutes");
  await message.getByRole("button", { name: "Done" }).click();
  await panel.getByLabel("Name on the canvas (optional)").fill("Report nudge");
  await expect(panel.getByLabel("Next →")).not.toContainText("(end)");
  await panel.getByLabel("Next →").selectOption({ label: "Exit: The run ends" });

  // The goal: nothing pre-filled, and a choice replaces.
  await page.getByRole("button", { name: "Settings" }).click();
  const settings = page.getByRole("dialog", { name: "Journey settings" });
  await settings.getByLabel("This journey has a goal").check();
  await expect(settings.getByRole("combobox", { name: "Goal event" })).toHaveValue("");
  await pick(settings, "Goal event", "rep", "Report Created");
  await settings.getByRole("button", { name: "Close" }).click();

  await waitSaved(page);
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(publish.getByRole("alert")).toHaveCount(0);
  await publish.getByLabel(/What changed/).fill("Activation nudge");
  await publish.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(publish).toBeHidden();
  await expect(page.getByText("Version 1 published")).toBeVisible();

  // No node id anywhere a marketer reads.
  for (const id of ["wait-1", "inapp-1"]) {
    await expect(page.locator("main")).not.toContainText(new RegExp(`\\b${id}\\b`));
  }
});

test("publishing with a dangling exit and a misspelt event: the sentence names the step", async ({
  page,
}) => {
  const { workspaceId } = loadState();
  await seedCatalog(page, workspaceId);
  const created = await page.request.post(`/api/w/${workspaceId}/journeys`, {
    data: {
      name: `Dangling words ${Date.now().toString(36)}`,
      definition: {
        version: 1,
        nodes: [
          { id: "trigger", type: "trigger", trigger: { kind: "event", event: "Signed Up" } },
          {
            id: "wait-report",
            type: "wait",
            label: "Did they make a report?",
            event: "Report Creatd",
            timeout: { amount: 2, unit: "days" },
          },
          { id: "done", type: "exit" },
        ],
        edges: [
          { from: "trigger", to: "wait-report" },
          { from: "wait-report", exit: "did", to: "done" },
        ],
        settings: { reentry: { mode: "once" }, holdoutPercent: 0 },
      },
    },
  });
  expect(created.status()).toBe(201);
  const { journey } = (await created.json()) as {
    journey: { id: string; issues: { nodeId: string; code: string; humanMessage: string }[] };
  };
  // The API keeps its machine-readable fields and adds the sentence.
  expect(journey.issues).toEqual([
    expect.objectContaining({
      nodeId: "wait-report",
      code: "dangling_exit",
      humanMessage: "Connect the 'Timed out' exit of 'Did they make a report?' to a next step",
    }),
  ]);
  const validated = await page.request.post(
    `/api/w/${workspaceId}/journeys/${journey.id}/validate`,
  );
  const { warnings } = (await validated.json()) as { warnings: { event: string }[] };
  expect(warnings).toEqual([
    expect.objectContaining({ code: "unseen_event", event: "Report Creatd" }),
  ]);

  await page.goto(`/w/${workspaceId}/journeys/${journey.id}`);
  await expect(node(page, "wait-report").getByTestId("node-issues")).toHaveText("1 to do");
  await expect(node(page, "wait-report").getByTestId("node-warning")).toHaveText(
    "No 'Report Creatd' events yet",
  );
  await page.getByRole("button", { name: /^Publish/ }).click();
  const publish = page.getByRole("dialog", { name: "Publish this journey" });
  const alert = publish.getByRole("alert");
  await expect(alert).toContainText(
    "Connect the 'Timed out' exit of 'Did they make a report?' to a next step",
  );
  await expect(alert).not.toContainText("wait-report");
  await expect(publish.getByRole("region", { name: "Warnings" })).toContainText(
    "No 'Report Creatd' events yet",
  );
  await expect(publish.getByRole("button", { name: "Publish", exact: true })).toBeDisabled();
  await publish.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByText("Never published")).toBeVisible();
});
