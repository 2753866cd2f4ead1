import { createHmac } from "node:crypto";
import { expect, type Page, type TestInfo, test } from "@playwright/test";
import { inboxSecretOf, makeJourneyTimersDue, showInDemo } from "../e2e-database";
import { loadState } from "../fixtures";

// The journey builder in a real browser: build the stall nudge from scratch
// (mouse and keyboard), publish it, fire it with ingested events, and see the
// in-app message arrive; and a journey with a dangling exit cannot be published.

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

async function shot(page: Page, testInfo: TestInfo, name: string) {
  await testInfo.attach(name, { body: await page.screenshot(), contentType: "image/png" });
}

const node = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
const inspector = (page: Page) => page.getByRole("complementary", { name: "Inspector" });

async function waitSaved(page: Page) {
  await expect(page.getByTestId("save-status")).toHaveText("All changes saved", {
    timeout: 15_000,
  });
}

test("build the stall nudge from scratch, publish it, and it fires", async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const { workspaceId } = loadState();
  const run = Date.now().toString(36);
  const userId = `nudge-${run}`;
  const name = `Nia ${run}`;
  const key = await writeKey(page, workspaceId);
  // Seen before the build, so the pickers can suggest the event and the trait.
  await ingest(page, key, [
    { type: "identify", userId, traits: { name, email: `${userId}@example.test` } },
    {
      type: "track",
      userId: `other-${run}`,
      event: "Onboarding Step Completed",
      properties: { step: 1 },
    },
  ]);

  // A blank journey: a trigger wired to an exit.
  await page.goto(`/w/${workspaceId}/journeys`);
  await page.getByRole("button", { name: "New journey" }).click();
  await page.getByLabel("Journey name").fill(`Blank ${Date.now().toString(36)}`);
  await page.getByRole("button", { name: "Create journey" }).click();
  await expect(page).toHaveURL(/\/journeys\/[^/]+$/, { timeout: 30_000 });
  const journeyId = new URL(page.url()).pathname.split("/").at(-1) ?? "";
  await expect(node(page, "trigger")).toBeVisible();
  await page.getByLabel("Journey name").fill(`Stall nudge ${run}`);

  // Trigger: the event (suggested from the catalog), step 2 only.
  await node(page, "trigger").click();
  const panel = inspector(page);
  await expect(panel.getByRole("heading", { name: "Trigger" })).toBeVisible();
  await panel.getByLabel("Event name").fill("Onboarding Step Completed");
  await panel.getByRole("button", { name: "+ Property condition" }).click();
  await panel.getByLabel("Event property").fill("step");
  await panel.getByLabel("Value").fill("2");

  // Keyboard: the palette inserts a wait after the selected trigger, spliced
  // in before the exit (which now hangs off "Did it").
  await page.getByRole("button", { name: "Add Wait for event" }).focus();
  await page.keyboard.press("Enter");
  await expect(node(page, "wait-1")).toBeVisible();
  await expect(panel.getByRole("heading", { name: "Wait for event" })).toBeVisible();
  await panel.getByLabel("Wait for event", { exact: true }).fill("Onboarding Step Completed");
  await panel.getByRole("button", { name: "+ Property condition" }).click();
  await panel.getByLabel("Event property").fill("step");
  await panel.getByLabel("Value").fill("3");
  await panel.getByLabel("Give up after: amount").fill("1");
  await panel.getByLabel("Give up after: unit").selectOption("days");
  await expect(panel.getByLabel("Did it →")).toHaveValue("end");
  await expect(panel.getByLabel("Timed out →")).toHaveValue("");

  // Mouse: the in-app send goes on the free "Timed out" exit.
  await page.getByRole("button", { name: "Add Send in-app" }).click();
  await expect(node(page, "inapp-1")).toBeVisible();
  await node(page, "wait-1").click();
  await expect(panel.getByLabel("Timed out →")).toHaveValue("inapp-1");
  await node(page, "inapp-1").click();
  await panel.getByRole("button", { name: "Edit message" }).click();
  const dialog = page.getByRole("dialog", { name: /In-app message/ });
  await dialog.getByLabel("Kind").selectOption("banner");
  // Liquid autocomplete: type the start of a variable, take the suggestion.
  const title = dialog.getByLabel("Title");
  await title.fill("");
  await title.pressSequentially("Finish your setup, {{ profile.traits.na");
  await expect(dialog.getByRole("listbox", { name: "Liquid variables" })).toContainText(
    "profile.traits.name",
  );
  await page.keyboard.press("Enter");
  await expect(title).toHaveValue("Finish your setup, {{ profile.traits.name }}");
  await dialog
    .getByLabel("Body", { exact: true })
    .fill('Hi {{ profile.traits.name | default: "there" }}, step 3 takes two minutes.');
  await expect(dialog.getByTestId("in-app-preview")).toContainText("Finish your setup, Sam");
  await shot(page, testInfo, "builder-message-editor");
  await dialog.getByRole("button", { name: "Done" }).click();

  // Mouse: drag an exit from the palette onto the canvas, then draw the
  // connection from the in-app message's exit handle to it.
  const pane = page.locator(".react-flow__pane");
  const box = (await pane.boundingBox())!;
  await page
    .getByRole("button", { name: "Add Exit" })
    .dragTo(pane, { targetPosition: { x: box.width - 260, y: box.height - 160 } });
  await expect(node(page, "exit-1")).toBeVisible();
  const from = (await page.getByTestId("handle-inapp-1-next").boundingBox())!;
  const to = (await node(page, "exit-1").locator(".react-flow__handle.target").boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
  await page.mouse.up();
  await expect(page.locator(".react-flow__edge")).toHaveCount(4);

  // Goal in the settings sheet: step 3 done.
  await page.getByRole("button", { name: "Settings" }).click();
  const settings = page.getByRole("dialog", { name: "Journey settings" });
  await settings.getByLabel("This journey has a goal").check();
  await settings.getByLabel("Goal event").fill("Onboarding Step Completed");
  await settings.getByRole("button", { name: "+ Property condition" }).click();
  await settings.getByLabel("Event property").fill("step");
  await settings.getByLabel("Value").fill("3");
  await settings.getByRole("button", { name: "Close" }).click();

  await page.getByRole("button", { name: "Auto-layout" }).click();
  await waitSaved(page);
  await expect(page.getByRole("button", { name: "Publish", exact: true })).toBeVisible();
  await shot(page, testInfo, "builder-stall-nudge");

  // Undo and redo the layout from the keyboard (focus on the canvas).
  await node(page, "trigger").focus();
  await page.keyboard.press("Control+z");
  await page.keyboard.press("Control+Shift+z");
  await waitSaved(page);

  // Publish with a note.
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  const publish = page.getByRole("dialog", { name: "Publish this journey" });
  await publish.getByLabel(/What changed/).fill("First version: nudge after a day");
  await publish.getByRole("button", { name: "Publish" }).click();
  await expect(publish).toBeHidden();
  await expect(page.getByText("Version 1 published")).toBeVisible();
  await expect(page.getByTestId("journey-status")).toHaveText("Live");
  await shot(page, testInfo, "builder-published");
  // The version and its note are in the History drawer.
  await page.getByRole("button", { name: "History" }).click();
  const history = page.getByRole("dialog", { name: "History" });
  await expect(history.getByRole("list", { name: "Published versions" })).toContainText(
    "First version: nudge after a day",
  );
  await history.getByRole("button", { name: "Close" }).first().click();
  await expect(history).toBeHidden();

  // The stored journey is the engine's definition, with the exits as built.
  const stored = await page.request.get(`/api/w/${workspaceId}/journeys/${journeyId}`);
  const { journey } = (await stored.json()) as {
    journey: { draft: { edges: unknown[]; settings: { goal?: { event: string } } } };
  };
  expect(journey.draft.edges).toEqual(
    expect.arrayContaining([
      { from: "trigger", to: "wait-1" },
      { from: "wait-1", to: "end", exit: "did" },
      { from: "wait-1", to: "inapp-1", exit: "timeout" },
      { from: "inapp-1", to: "exit-1" },
    ]),
  );
  expect(journey.draft.settings.goal?.event).toBe("Onboarding Step Completed");

  // Step 2 enters the journey; the wait starts.
  await ingest(page, key, [
    { type: "track", userId, event: "Onboarding Step Completed", properties: { step: 2 } },
  ]);
  const runs = async () => {
    const response = await page.request.get(`/api/w/${workspaceId}/journeys/${journeyId}/runs`);
    return ((await response.json()) as { runs: { status: string; nodeId: string }[] }).runs;
  };
  await expect
    .poll(runs, { timeout: 20_000 })
    .toEqual([expect.objectContaining({ status: "waiting", nodeId: "wait-1" })]);

  // A day passes for this run (its timer is made due; the engine wakes it).
  expect(await makeJourneyTimersDue(journeyId)).toBe(1);
  await expect
    .poll(runs, { timeout: 20_000 })
    .toEqual([expect.objectContaining({ status: "completed", nodeId: "exit-1" })]);

  // The nudge is in the user's inbox, rendered with their name.
  const userHash = createHmac("sha256", await inboxSecretOf(workspaceId))
    .update(userId)
    .digest("hex");
  const inbox = await page.request.get("/api/v1/inbox", {
    headers: { "x-cue-write-key": key, "x-cue-user-id": userId, "x-cue-user-hash": userHash },
  });
  expect(inbox.status()).toBe(200);
  const { items } = (await inbox.json()) as {
    items: { kind: string; title: string; body: string }[];
  };
  expect(items).toEqual([
    expect.objectContaining({
      kind: "banner",
      title: `Finish your setup, ${name}`,
      body: `Hi ${name}, step 3 takes two minutes.`,
    }),
  ]);

  // And cue.js shows it in the demo app for that user.
  const restore = await showInDemo(workspaceId);
  try {
    await page.goto(`/demo?user=${encodeURIComponent(userId)}`);
    await expect(page.getByText(`Finish your setup, ${name}`, { exact: true })).toBeVisible({
      timeout: 15_000,
    });
    await shot(page, testInfo, "demo-banner");
  } finally {
    await restore();
  }
});

test("publishing with a dangling exit is refused, with the sentence on the node", async ({
  page,
}, testInfo) => {
  const { workspaceId } = loadState();
  const created = await page.request.post(`/api/w/${workspaceId}/journeys`, {
    data: {
      name: `Dangling ${Date.now().toString(36)}`,
      definition: {
        version: 1,
        nodes: [
          { id: "trigger", type: "trigger", trigger: { kind: "event", event: "Signed Up" } },
          {
            id: "wait-report",
            type: "wait",
            event: "Report Created",
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
  const { journey } = (await created.json()) as { journey: { id: string } };

  await page.goto(`/w/${workspaceId}/journeys/${journey.id}`);
  // Stored without positions: laid out on open.
  await expect(node(page, "wait-report")).toBeVisible();
  await expect(node(page, "wait-report").getByTestId("node-issues")).toHaveText("1 to do");
  const sentence = "Connect the 'Timed out' exit of 'Wait for Report Created' to a next step";
  // The dialog shows what blocks before it asks for a note.
  await page.getByRole("button", { name: /^Publish/ }).click();
  const publish = page.getByRole("dialog", { name: "Publish this journey" });
  const alert = publish.getByRole("alert");
  await expect(alert).toContainText("can't be published yet");
  await expect(alert).toContainText(sentence);
  await expect(publish.getByLabel(/What changed/)).toHaveCount(0);
  await expect(publish.getByRole("button", { name: "Publish", exact: true })).toBeDisabled();
  await shot(page, testInfo, "builder-publish-refused");

  // The issue is clickable: it selects the node, which shows the sentence.
  await alert.getByRole("button", { name: sentence }).click();
  await expect(publish).toBeHidden();
  await expect(node(page, "wait-report")).toHaveClass(/selected/);
  await expect(node(page, "wait-report")).toContainText(sentence);
  await expect(inspector(page).getByLabel("Timed out →")).toHaveValue("");
  await expect(page.getByText("Never published")).toBeVisible();
  const after = await page.request.get(`/api/w/${workspaceId}/journeys/${journey.id}`);
  expect(((await after.json()) as { journey: { status: string } }).journey.status).toBe("draft");
});

test("a second editor's save never overwrites: the first gets a conflict and a reload", async ({
  page,
}) => {
  const { workspaceId } = loadState();
  const created = await page.request.post(`/api/w/${workspaceId}/journeys`, {
    data: { template: "nudge-stalled-onboarding", name: `Conflict ${Date.now().toString(36)}` },
  });
  const { journey } = (await created.json()) as { journey: { id: string; draftRevision: number } };
  await page.goto(`/w/${workspaceId}/journeys/${journey.id}`);
  await expect(node(page, "trigger")).toBeVisible();

  // Someone else saves the draft meanwhile.
  const other = await page.request.patch(`/api/w/${workspaceId}/journeys/${journey.id}`, {
    data: { draftRevision: journey.draftRevision, name: "Renamed elsewhere" },
  });
  expect(other.status()).toBe(200);

  await node(page, "nudged").click();
  await inspector(page).getByLabel("Name on the canvas (optional)").fill("Mine");
  const banner = page.getByRole("alert").filter({ hasText: "Someone else saved this journey" });
  await expect(banner).toBeVisible({ timeout: 10_000 });
  await expect(page.getByTestId("save-status")).toHaveText("Not saved (conflict)");
  // Nothing of ours reached the server.
  const stored = await page.request.get(`/api/w/${workspaceId}/journeys/${journey.id}`);
  const body = (await stored.json()) as {
    journey: { name: string; draft: { nodes: { id: string; label?: string }[] } };
  };
  expect(body.journey.name).toBe("Renamed elsewhere");
  expect(body.journey.draft.nodes.find((n) => n.id === "nudged")?.label).toBeUndefined();
  await banner.getByRole("button", { name: "Reload" }).click();
  await expect(page.getByLabel("Journey name")).toHaveValue("Renamed elsewhere");
});

test("a viewer gets the canvas read-only: no palette, no publishing, forms locked", async ({
  page,
  browser,
}) => {
  const { workspaceId } = loadState();
  const created = await page.request.post(`/api/w/${workspaceId}/journeys`, {
    data: { template: "nudge-stalled-onboarding", name: `Viewer ${Date.now().toString(36)}` },
  });
  const { journey } = (await created.json()) as { journey: { id: string } };
  const invite = await page.request.post(`/api/w/${workspaceId}/invites`, {
    data: { role: "viewer" },
  });
  const { url } = (await invite.json()) as { url: string };

  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const viewer = await context.newPage();
  await viewer.goto(url);
  await viewer.getByLabel("Your name").fill("Vera Viewer");
  await viewer.getByLabel("Email").fill(`vera-${Date.now()}@e2e.test`);
  await viewer.getByLabel("Password (8+ characters)").fill("viewer-password-1");
  await viewer.getByRole("button", { name: "Join workspace" }).click();
  // Accepting an invite lands on the workspace's home page.
  await expect(viewer).toHaveURL(new RegExp(`/w/${workspaceId}$`), { timeout: 30_000 });

  await viewer.goto(`/w/${workspaceId}/journeys/${journey.id}`);
  await expect(node(viewer, "wait-step-3")).toBeVisible();
  await expect(viewer.getByText("You have view access")).toBeVisible();
  await expect(viewer.getByRole("navigation", { name: "Add a step" })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: /^Publish/ })).toHaveCount(0);
  await expect(
    viewer.getByRole("toolbar", { name: "Canvas tools" }).getByRole("button"),
  ).toHaveText(["Fit", "Minimap"]);
  await expect(viewer.getByLabel("Journey name")).toHaveAttribute("readonly", "");
  // Selecting a node shows its settings, locked.
  await node(viewer, "wait-step-3").click();
  const panel = inspector(viewer);
  await expect(panel.getByLabel("Wait for event", { exact: true })).toHaveAttribute("readonly", "");
  await expect(panel.getByLabel("Did it →")).toBeDisabled();
  await expect(panel.getByRole("button", { name: "Delete step" })).toHaveCount(0);
  // Nothing is connectable, and the server refuses a save anyway.
  await expect(viewer.locator(".react-flow__handle.connectable")).toHaveCount(0);
  const save = await viewer.request.patch(`/api/w/${workspaceId}/journeys/${journey.id}`, {
    data: { draftRevision: 1, name: "Viewer was here" },
  });
  expect(save.status()).toBe(403);
  await context.close();
});
