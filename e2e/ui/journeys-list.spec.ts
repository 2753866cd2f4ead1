import { expect, type Page, test } from "@playwright/test";
import { loadState } from "../fixtures";

// The journeys list: start from the stall-nudge template in the gallery, see
// the draft listed, publish it twice through the API with an edit between,
// read the diff of the two versions, then pause, resume, duplicate and
// archive from the list.

// biome-ignore lint/suspicious/noExplicitAny: API bodies are checked field by field below
type Body = any;

const rowOf = (page: Page, workspaceId: string, id: string) =>
  page.getByRole("row").filter({ has: page.locator(`a[href="/w/${workspaceId}/journeys/${id}"]`) });

test("template gallery, versions and diff, and list actions", async ({ page }) => {
  test.setTimeout(120_000);
  const { workspaceId } = loadState();
  const api = `/api/w/${workspaceId}/journeys`;
  const list = `/w/${workspaceId}/journeys`;

  // Start from a template: the gallery shows all five, and choosing one opens the new draft.
  await page.goto(list);
  await page.getByRole("button", { name: "Start from template" }).click();
  const gallery = page.getByRole("dialog", { name: "Start from a template" });
  await expect(gallery.getByRole("button")).toHaveCount(6); // five templates and Close
  await page.screenshot({ path: "test-results/journeys-template-gallery.png" });
  await gallery.getByRole("button", { name: /Nudge a stalled onboarding/ }).click();
  await expect(page).toHaveURL(new RegExp(`${list}/[^/]+$`));
  const id = new URL(page.url()).pathname.split("/").at(-1) ?? "";

  await page.goto(list);
  const row = rowOf(page, workspaceId, id);
  await expect(row.getByRole("link")).toHaveText("Nudge a stalled onboarding");
  await expect(row.getByText("Draft", { exact: true })).toBeVisible();
  await expect(row.getByText("Olive Owner")).toBeVisible();

  // Publish, edit one message, publish again: two versions, newest first.
  const publish = async (note: string) => {
    const response = await page.request.post(`${api}/${id}/publish`, { data: { note } });
    expect(response.status(), await response.text()).toBe(200);
  };
  await publish("First version from the template");
  const { journey } = (await (await page.request.get(`${api}/${id}`)).json()) as Body;
  const definition = structuredClone(journey.draft);
  const banner = definition.nodes.find((n: Body) => n.id === "nudge-banner");
  banner.content.title = "One step left";
  const saved = await page.request.patch(`${api}/${id}`, {
    data: { draftRevision: journey.draftRevision, definition },
  });
  expect(saved.status()).toBe(200);
  await publish("Shorter banner title");

  const versions = (await (await page.request.get(`${api}/${id}/versions`)).json()) as Body;
  expect(
    versions.versions.map((v: Body) => [v.version, v.note, v.isCurrent, v.publishedBy?.name]),
  ).toEqual([
    [2, "Shorter banner title", true, "Olive Owner"],
    [1, "First version from the template", false, "Olive Owner"],
  ]);
  const diff = (await (await page.request.get(`${api}/${id}/diff`)).json()) as Body;
  expect(diff).toMatchObject({ from: 1, to: 2 });
  expect(diff.diff.summary).toEqual(["Changed in-app message “Banner on the dashboard” title"]);
  expect(diff.diff.nodes.changed[0].fields).toEqual([
    {
      path: "content.title",
      before: 'Finish setting up {{ profile.traits.company | default: "your workspace" }}',
      after: "One step left",
    },
  ]);
  const badQuery = await page.request.get(`${api}/${id}/diff?from=latest`);
  expect(badQuery.status()).toBe(400);

  // The editor's History shows the same readable diff for version 2.
  await page.goto(`${list}/${id}`);
  await page.getByRole("button", { name: "History" }).click();
  const history = page.getByRole("dialog", { name: "History" });
  await history.getByRole("button", { name: /Version 2/ }).click();
  await expect(
    history.getByText("Changed in-app message “Banner on the dashboard” title"),
  ).toBeVisible();
  await page.screenshot({ path: "test-results/journeys-version-diff.png" });
  await page.goto(list);

  // The list shows it live on version 2; pause and resume from the row.
  await page.reload();
  await expect(row.getByText("Live", { exact: true })).toBeVisible();
  await expect(row.getByRole("cell", { name: "v2" })).toBeVisible();
  const actions = row.getByRole("group", { name: /^Actions for / });
  await actions.getByRole("button", { name: "Pause" }).click();
  await expect(row.getByText("Paused", { exact: true })).toBeVisible();
  await actions.getByRole("button", { name: "Resume" }).click();
  await expect(row.getByText("Live", { exact: true })).toBeVisible();

  // Duplicate: a new draft "(copy)" appears in the list.
  await actions.getByRole("button", { name: "Duplicate" }).click();
  await expect(page.getByText("Created “Nudge a stalled onboarding (copy)”.")).toBeVisible();
  const copyLink = page.getByRole("link", { name: "Nudge a stalled onboarding (copy)" });
  await expect(copyLink).toBeVisible();
  const copyId = (await copyLink.getAttribute("href"))?.split("/").at(-1) ?? "";
  const copyRow = rowOf(page, workspaceId, copyId);
  await expect(copyRow.getByText("Draft", { exact: true })).toBeVisible();
  await page.screenshot({ path: "test-results/journeys-list.png", fullPage: true });

  // Archive asks first; cancelling changes nothing.
  const copyActions = copyRow.getByRole("group", { name: /^Actions for / });
  await copyActions.getByRole("button", { name: "Archive" }).click();
  const confirm = page.getByRole("dialog", {
    name: /^Archive “Nudge a stalled onboarding \(copy\)”\?/,
  });
  await expect(confirm).toBeVisible();
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(confirm).toBeHidden();
  await expect(copyRow.getByText("Draft", { exact: true })).toBeVisible();
  await copyActions.getByRole("button", { name: "Archive" }).click();
  await confirm.getByRole("button", { name: "Archive journey" }).click();
  await expect(confirm).toBeHidden();
  await expect(copyRow).toHaveCount(0);
  await page.getByLabel(/Show archived/).check();
  await expect(copyRow.getByText("Archived", { exact: true })).toBeVisible();
  await expect(copyRow.getByRole("button", { name: "Archive" })).toHaveCount(0);
  const archived = (await (await page.request.get(`${api}/${copyId}`)).json()) as Body;
  expect(archived.journey.status).toBe("archived");

  // "New journey" asks for a name, then opens a blank draft: a trigger waiting for its event, wired to an exit.
  await page.getByRole("button", { name: "New journey" }).click();
  const naming = page.getByRole("dialog", { name: "New journey" });
  await naming.getByRole("button", { name: "Create journey" }).click();
  await expect(naming.getByText("Give the journey a name.")).toBeVisible();
  await naming.getByLabel("Journey name").fill("Named first");
  await naming.getByRole("button", { name: "Create journey" }).click();
  await expect(page).toHaveURL(new RegExp(`${list}/[^/]+$`));
  const blankId = new URL(page.url()).pathname.split("/").at(-1) ?? "";
  const blank = (await (await page.request.get(`${api}/${blankId}`)).json()) as Body;
  expect(blank.journey).toMatchObject({ name: "Named first", status: "draft" });
  expect(blank.journey.draft.nodes.map((n: Body) => n.type)).toEqual(["trigger", "exit"]);
  expect(blank.journey.issues.map((i: Body) => i.field)).toEqual(["trigger.event"]);
});

test("a viewer sees the list without any write buttons", async ({ page, browser }) => {
  const { workspaceId } = loadState();
  const created = await page.request.post(`/api/w/${workspaceId}/journeys`, {
    data: { template: "reengage-inactive-users", name: "Seen by the viewer" },
  });
  expect(created.status()).toBe(201);
  const invite = await page.request.post(`/api/w/${workspaceId}/invites`, {
    data: { role: "viewer" },
  });
  const { url } = (await invite.json()) as { url: string };
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const viewer = await context.newPage();
  await viewer.goto(url);
  await viewer.getByLabel("Your name").fill("Val Viewer");
  await viewer.getByLabel("Email").fill(`list-viewer-${Date.now()}@e2e.test`);
  await viewer.getByLabel("Password (8+ characters)").fill("viewer-password-1");
  await viewer.getByRole("button", { name: "Join workspace" }).click();
  // Accepting an invite lands on the workspace's home page.
  await expect(viewer).toHaveURL(new RegExp(`/w/${workspaceId}$`), { timeout: 30_000 });
  await viewer.goto(`/w/${workspaceId}/journeys`);

  await expect(viewer.getByRole("link", { name: "Seen by the viewer" })).toBeVisible();
  await expect(viewer.getByRole("button", { name: "New journey" })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: "Start from template" })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: "Duplicate" })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: "Archive" })).toHaveCount(0);
  const journeys = (await (
    await viewer.request.get(`/api/w/${workspaceId}/journeys`)
  ).json()) as Body;
  const id = journeys.journeys[0].id;
  const refused = await viewer.request.post(`/api/w/${workspaceId}/journeys/${id}/duplicate`);
  expect(refused.status()).toBe(403);
  await context.close();
});
