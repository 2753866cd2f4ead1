import { expect, type Page, test } from "@playwright/test";
import { secretKeyOf } from "../e2e-database";
import { loadState } from "../fixtures";

// Subscription topics end to end: a topic made in Settings, a journey whose
// email names it, the email in the Outbox, its preference link opened without
// signing in, the topic's email turned off there, and the next send skipped,
// with "why not?" naming the topic.

async function writeKey(page: Page, workspaceId: string): Promise<string> {
  await page.goto(`/w/${workspaceId}/settings/sources`);
  const key = (await page.getByTestId("write-key").textContent())?.trim() ?? "";
  expect(key).toMatch(/^wk_/);
  return key;
}

async function ingest(page: Page, key: string, batch: unknown[]): Promise<void> {
  const response = await page.request.post("/api/v1/batch", {
    headers: { Authorization: `Basic ${Buffer.from(`${key}:`).toString("base64")}` },
    data: { batch },
  });
  expect(response.status()).toBe(200);
  expect(((await response.json()) as { rejected?: unknown[] }).rejected ?? []).toEqual([]);
}

test("opt out of a topic on the preference page from an Outbox email; the next send is skipped", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const { workspaceId } = loadState();
  const run = Date.now().toString(36);
  const topicKey = `tips-${run}`;
  const event = `Tip Requested ${run}`;
  const userId = `topic-reader-${run}`;
  const subject = `Tip of the day ${run}`;
  const rules = `/api/w/${workspaceId}/delivery-rules`;
  // Quiet hours would defer the email when this runs in the evening.
  expect((await page.request.put(rules, { data: { rules: {} } })).status()).toBe(200);
  try {
    // Settings → Subscription topics: add one.
    await page.goto(`/w/${workspaceId}/settings`);
    const panel = page.getByRole("region", { name: "Subscription topics" });
    await panel.getByLabel("Name").fill(`Product tips ${run}`);
    await panel.getByLabel("Key").fill(topicKey);
    await panel.getByRole("button", { name: "Add topic" }).click();
    await expect(panel.getByRole("row").filter({ hasText: topicKey })).toBeVisible();

    // A journey whose email names the topic.
    const base = `/api/w/${workspaceId}/journeys`;
    const definition = {
      version: 1,
      nodes: [
        { id: "trigger", type: "trigger", trigger: { kind: "event", event } },
        {
          id: "tip",
          type: "send_email",
          label: "Tip email",
          content: { subject, body: "Try **this**.", topic: topicKey },
        },
        { id: "end", type: "exit" },
      ],
      edges: [
        { from: "trigger", to: "tip" },
        { from: "tip", to: "end" },
      ],
      settings: { reentry: { mode: "always" }, holdoutPercent: 0 },
    };
    const created = await page.request.post(base, { data: { name: `Tips ${run}`, definition } });
    expect(created.status(), await created.text()).toBe(201);
    const { journey } = (await created.json()) as { journey: { id: string } };
    const published = await page.request.post(`${base}/${journey.id}/publish`, {
      data: { note: "e2e" },
    });
    expect(published.status(), await published.text()).toBe(200);

    const key = await writeKey(page, workspaceId);
    await ingest(page, key, [
      { type: "identify", userId, traits: { email: `${userId}@example.test`, name: "Tia" } },
      { type: "track", userId, event },
    ]);

    // The email lands in the Outbox (no Resend key).
    await page.goto(`/w/${workspaceId}/messages`);
    await page
      .getByRole("navigation", { name: "Message views" })
      .getByRole("link", { name: "Outbox (not sent)" })
      .click();
    const row = page.getByRole("row").filter({ hasText: subject });
    await expect(async () => {
      await page.reload();
      await expect(row).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    await row.getByRole("link", { name: subject }).click();
    const frame = page.frameLocator('iframe[title^="Email preview"]').first();
    const link = frame.getByRole("link", { name: "Unsubscribe" });
    const href = (await link.getAttribute("href")) ?? "";
    expect(href).toContain(`/unsubscribe/`);
    expect(href).toContain(`?topic=${topicKey}`);

    // The reader opens it, signed out, and turns the topic's email off.
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const reader = await context.newPage();
    await reader.goto(new URL(href).pathname + new URL(href).search);
    await expect(reader.getByRole("heading", { name: "Email preferences" })).toBeVisible();
    const email = reader.getByLabel(`Product tips ${run}: Email`);
    await expect(email).toBeChecked();
    await email.uncheck();
    await reader.getByRole("button", { name: "Save preferences" }).click();
    await expect(reader.getByRole("status")).toContainText("Your preferences are saved.");
    await expect(reader.getByLabel(`Product tips ${run}: Email`)).not.toBeChecked();
    await expect(reader.getByLabel(`Product tips ${run}: In-app`)).toBeChecked();
    await reader.screenshot({ path: "test-results/topics-preference-page.png", fullPage: true });
    await context.close();

    // The journey runs again: the email is skipped, and "why not?" says why.
    await ingest(page, key, [{ type: "track", userId, event }]);
    await page.goto(`/w/${workspaceId}/journeys/${journey.id}/why-not?profile=${userId}`);
    await expect(async () => {
      await page.reload();
      await expect(page.getByTestId("why-not-verdict")).toContainText(/topic/i, {
        timeout: 3_000,
      });
    }).toPass({ timeout: 30_000 });
    const topicGate = page.locator('[data-testid="gate"][data-gate="topic"]');
    await expect(topicGate).toHaveAttribute("data-passed", "false");
    await expect(topicGate).toContainText(`Opted out of topic "Product tips ${run}" for email`);
    await page.screenshot({ path: "test-results/topics-why-not.png", fullPage: true });

    // Still exactly one email for this user in the Outbox: the second run skipped it.
    await page.goto(`/w/${workspaceId}/messages`);
    await page
      .getByRole("navigation", { name: "Message views" })
      .getByRole("link", { name: "Outbox (not sent)" })
      .click();
    await expect(page.getByRole("row").filter({ hasText: subject })).toHaveCount(1);
  } finally {
    await page.request.put(rules, { data: { rules: null } });
  }
});

test("map an identify trait to a topic in Settings; an identify then sets the preference", async ({
  page,
}) => {
  const { workspaceId } = loadState();
  const run = Date.now().toString(36);
  const topicKey = `digest-${run}`;
  const trait = `digest_off_${run}`;
  const userId = `trait-reader-${run}`;

  await page.goto(`/w/${workspaceId}/settings`);
  const panel = page.getByRole("region", { name: "Subscription topics" });
  await panel.getByLabel("Name").fill(`Digest ${run}`);
  await panel.getByLabel("Key").fill(topicKey);
  await panel.getByRole("button", { name: "Add topic" }).click();
  const row = panel.getByRole("row").filter({ hasText: topicKey });
  await expect(row).toBeVisible();

  await row.getByRole("button", { name: `Set the trait for Digest ${run}` }).click();
  const form = row.getByRole("form", { name: `Trait for Digest ${run}` });
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByRole("alert")).toContainText("Name the trait.");
  await form.getByLabel("Trait").fill(trait);
  await form.getByLabel("true means").selectOption("unsubscribed");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(row).toContainText(`${trait}: true means unsubscribed`);
  await page.screenshot({ path: "test-results/topics-trait-mapping.png", fullPage: true });

  const key = await writeKey(page, workspaceId);
  await ingest(page, key, [{ type: "identify", userId, traits: { [trait]: true } }]);
  const secret = await secretKeyOf(workspaceId);
  const answer = await page.request.get(`/api/v1/profiles/${userId}/preferences`, {
    headers: { Authorization: `Bearer ${secret}` },
  });
  expect(answer.status()).toBe(200);
  const { topics } = (await answer.json()) as {
    topics: { topic: string; channels: { email: boolean; in_app: boolean } }[];
  };
  expect(topics.find((t) => t.topic === topicKey)?.channels).toEqual({
    email: false,
    in_app: false,
  });
});
