import { expect, type Page, test } from "@playwright/test";
import { showInDemo } from "../e2e-database";
import { loadState } from "../fixtures";

// /demo shows a journey working: a demo user found with the picker's search
// completes onboarding step 2, the stall nudge waits 24 h for step 3, "Skip
// the wait" (the demo-only fast-forward) makes the timer due, the engine's
// worker runs the timeout, and the nudge card appears in the bell.
// The e2e server starts without the demo workspace, so this test shows the
// owner's workspace in /demo for its duration.

async function writeKey(page: Page, workspaceId: string): Promise<string> {
  await page.goto(`/w/${workspaceId}/settings/sources`);
  const key = (await page.getByTestId("write-key").textContent())?.trim() ?? "";
  expect(key).toMatch(/^wk_/);
  return key;
}

function stallNudge(title: string) {
  return {
    version: 1,
    nodes: [
      {
        id: "trigger",
        type: "trigger",
        label: "Finished step 2",
        trigger: {
          kind: "event",
          event: "Onboarding Step Completed",
          where: [{ kind: "property", path: "step", operator: "eq", value: 2 }],
        },
      },
      {
        id: "wait-step-3",
        type: "wait",
        label: "Wait for step 3",
        event: "Onboarding Step Completed",
        where: [{ kind: "property", path: "step", operator: "eq", value: 3 }],
        timeout: { amount: 24, unit: "hours" },
      },
      {
        id: "nudge-card",
        type: "send_inapp",
        label: "Nudge in the bell",
        content: {
          kind: "card",
          title,
          body: "One step left: build your first report.",
          ctaLabel: "Build report",
          ctaUrl: "/demo/reports",
        },
      },
      { id: "finished", type: "exit" },
      { id: "nudged", type: "exit" },
    ],
    edges: [
      { from: "trigger", to: "wait-step-3" },
      { from: "wait-step-3", exit: "did", to: "finished" },
      { from: "wait-step-3", exit: "timeout", to: "nudge-card" },
      { from: "nudge-card", to: "nudged" },
    ],
    settings: { reentry: { mode: "once" }, holdoutPercent: 0 },
  };
}

test("/demo fast-forward makes the nudge appear in the bell", async ({ page }) => {
  test.setTimeout(120_000);
  const { workspaceId } = loadState();
  const run = Date.now().toString(36);
  const userId = `demo-${run}`;
  const name = `Dora Demo ${run}`;
  const title = `Finish onboarding, step 3 (${run})`;
  const journeyName = `Stall nudge ${run}`;

  const created = await page.request.post(`/api/w/${workspaceId}/journeys`, {
    data: { name: journeyName, definition: stallNudge(title) },
  });
  expect(created.status()).toBe(201);
  const journeyId = ((await created.json()) as { journey: { id: string } }).journey.id;
  const published = await page.request.post(`/api/w/${workspaceId}/journeys/${journeyId}/publish`, {
    data: {},
  });
  expect(published.status()).toBe(200);
  const key = await writeKey(page, workspaceId);
  const identified = await page.request.post("/api/v1/batch", {
    headers: { Authorization: `Basic ${Buffer.from(`${key}:`).toString("base64")}` },
    data: {
      batch: [{ type: "identify", userId, traits: { name, email: `${userId}@example.test` } }],
    },
  });
  expect(identified.status()).toBe(200);

  // Outside the demo workspace the fast-forward is refused.
  const profiles = await page.request.get(
    `/api/w/${workspaceId}/profiles?q=${encodeURIComponent(userId)}`,
  );
  const profileId = ((await profiles.json()) as { profiles: { id: string }[] }).profiles[0]?.id;
  expect(profileId).toBeTruthy();
  const refused = await page.request.post(
    `/api/w/${workspaceId}/profiles/${profileId}/fast-forward`,
  );
  expect(refused.status()).toBe(403);

  const restore = await showInDemo(workspaceId);
  try {
    // Find the user with the picker's search.
    await page.goto("/demo");
    await page.getByRole("button", { name: /Signed in as/ }).click();
    await page.getByRole("searchbox", { name: "Search demo users" }).fill(name);
    const results = page.getByRole("list", { name: "Demo users" });
    await expect(results.getByRole("button")).toHaveCount(1);
    await results.getByRole("button", { name: new RegExp(name) }).click();
    await expect(page).toHaveURL(new RegExp(`user=${userId}`));
    await expect(page.getByRole("button", { name: /Signed in as/ })).toContainText(name);

    // cue.js is up (its bell is drawn), so the buttons can track.
    await expect(page.getByRole("button", { name: /^Notifications/ })).toBeVisible({
      timeout: 15_000,
    });
    // Step 2 enters the stall nudge: "What Cue did" shows the run waiting a day.
    await page.getByRole("button", { name: /Complete onboarding step 2/ }).click();
    await expect(page.getByText(new RegExp(`entered .*“${journeyName}”`))).toBeVisible({
      timeout: 20_000,
    });
    const runs = page.getByRole("list", { name: "Journey runs" });
    const ours = runs.getByRole("listitem").filter({ hasText: journeyName });
    await expect(ours).toContainText("Waiting", { timeout: 20_000 });
    await expect(ours).toContainText(/Next step in (23 h|1 d)/);

    // Skip the wait: the timer comes due now, the worker runs the timeout.
    await ours.getByRole("button", { name: "Skip the wait" }).click();
    await expect(page.getByText(`Skipped the wait in “${journeyName}”`)).toBeVisible();
    await expect(ours).toContainText("Completed", { timeout: 30_000 });
    await expect(ours).toContainText("Fast-forwarded by the demo");

    // The nudge is in the bell.
    const bell = page.getByRole("button", { name: /Notifications, \d+ unread/ });
    await expect(bell).toBeVisible({ timeout: 15_000 });
    await bell.click();
    await expect(page.getByRole("dialog", { name: "Notifications" })).toContainText(title);
  } finally {
    await restore();
  }
});
